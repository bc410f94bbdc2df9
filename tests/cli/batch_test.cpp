// `resus batch` and `resus merge` run as a user would (docs/batch.md): results are bit-identical
// whatever the thread count or sharding, a killed run resumes without redoing finished chunks,
// and bad input is refused with exit code 2 and a message that names the field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "run_cli.hpp"

namespace {

namespace fs = std::filesystem;
using resus_cli_test::read;
using resus_cli_test::resus;

// Six patients of 2 minutes, VF or PEA, half with a failing LV, an in-hospital team, 2 patients
// per chunk: 3 chunks.
constexpr const char* kStudy = R"({
  "name": "batch test", "seed": 11, "patients": 6, "duration_s": 120,
  "population": {"parameters": {"body_mass_kg": {"dist": "normal", "mean": 75, "sd": 12}},
                 "comorbidities": {"heart_failure": {"share": 0.5, "scales": {"lv_emax_mmHg_per_mL": 0.6}}}},
  "arrest": {"at_s": 20, "rhythm": {"dist": "categorical", "values": ["vf_coarse", "pea"]}},
  "team": {"preset": "in_hospital", "parameters": {"arrival_s": {"dist": "uniform", "min": 10, "max": 40}}},
  "record": {"signals": ["map_mmHg", "etco2_mmHg"], "interval_s": 20}
})";

class BatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("resus_batch_test_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    study_ = (dir_ / "study.json").string();
    std::ofstream(study_) << kStudy;
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string out(const std::string& name) const { return (dir_ / name).string(); }
  resus_cli_test::Outcome batch(const std::string& dir, const std::string& extra = "") const {
    return resus("batch " + study_ + " --out " + out(dir) + " --chunk 2 -q " + extra);
  }

  fs::path dir_;
  std::string study_;
};

TEST_F(BatchTest, ResultsDoNotDependOnTheThreadCount) {
  ASSERT_EQ(batch("one", "--threads 1").exit_code, 0);
  ASSERT_EQ(batch("two", "--threads 2").exit_code, 0);
  const std::string csv = read(out("one") + "/results.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);  // header and six patients
  EXPECT_NE(csv.find("team.arrival_s"), std::string::npos);
  EXPECT_NE(csv.find("comorbidity.heart_failure"), std::string::npos);
  EXPECT_NE(read(out("one") + "/results.json").find("\"comorbidities\""), std::string::npos);
  EXPECT_EQ(csv, read(out("two") + "/results.csv"));
  EXPECT_EQ(read(out("one") + "/results.json"), read(out("two") + "/results.json"));
  EXPECT_EQ(read(out("one") + "/series.csv"), read(out("two") + "/series.csv"));
  EXPECT_NE(read(out("one") + "/results.json").find("\"events\""), std::string::npos);
  // The decision logs flat, one row an event: as many as results.json holds.
  const std::string events = read(out("one") + "/events.csv"), json = read(out("one") + "/results.json");
  EXPECT_EQ(events.rfind("patient,t_s,what\n", 0), 0u);
  std::size_t logged = 0;
  for (std::size_t at = json.find("\"what\""); at != std::string::npos; at = json.find("\"what\"", at + 1)) ++logged;
  EXPECT_EQ(static_cast<std::size_t>(std::count(events.begin(), events.end(), '\n')), logged + 1);
  EXPECT_NE(events.find(",\"team arrives\"\n"), std::string::npos);
  EXPECT_EQ(events, read(out("two") + "/events.csv"));
}

TEST_F(BatchTest, ShardsMergeIntoTheWholeRun) {
  ASSERT_EQ(batch("whole").exit_code, 0);
  ASSERT_EQ(batch("sharded", "--shard 2/3").exit_code, 0);
  EXPECT_FALSE(fs::exists(out("sharded") + "/results.csv"));  // not every chunk yet
  const auto partial = resus("merge " + out("sharded"));
  EXPECT_EQ(partial.exit_code, 1);
  EXPECT_NE(partial.output.find("2 of 3 chunks are missing (first: chunk-000000)"), std::string::npos)
      << partial.output;
  ASSERT_EQ(batch("sharded", "--shard 0/3 --threads 1").exit_code, 0);
  ASSERT_EQ(batch("sharded", "--shard 1/3").exit_code, 0);  // the last shard merges
  EXPECT_EQ(read(out("whole") + "/results.csv"), read(out("sharded") + "/results.csv"));
  ASSERT_EQ(resus("merge -q " + out("sharded")).exit_code, 0);
  EXPECT_EQ(read(out("whole") + "/results.json"), read(out("sharded") + "/results.json"));
}

TEST_F(BatchTest, AKilledRunResumesWithoutRedoingFinishedChunks) {
  ASSERT_EQ(batch("run").exit_code, 0);
  const std::string whole = read(out("run") + "/results.csv");
  fs::remove(out("run") + "/chunks/chunk-000001.csv");  // as if killed while writing it
  fs::remove(out("run") + "/results.csv");
  const auto again = resus("batch " + study_ + " --out " + out("run") + " --chunk 2");
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_NE(again.output.find("2 patients to run in shard 0/1 (2 chunks already done)"), std::string::npos)
      << again.output;
  EXPECT_EQ(read(out("run") + "/results.csv"), whole);
}

TEST_F(BatchTest, ADirectoryHoldsOneStudy) {
  ASSERT_EQ(batch("run").exit_code, 0);
  const auto other = batch("run", "--patients 8");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.output.find("holds the results of another study"), std::string::npos) << other.output;
}

TEST_F(BatchTest, BadInputIsRefusedWithExitCode2) {
  std::ofstream(out("bad.json")) << R"({"patients": 3, "team": {"parameters": {"arrival_s": -3}}})";
  const auto bad = resus("batch " + out("bad.json") + " --out " + out("x"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("team.parameters.arrival_s: -3 is outside the valid range [0, 86400]"),
            std::string::npos)
      << bad.output;
  const auto shard = batch("y", "--shard 3/3");
  EXPECT_EQ(shard.exit_code, 2);
  EXPECT_NE(shard.output.find("--shard: \"3/3\" must be I/N with 0 <= I < N"), std::string::npos);
  EXPECT_EQ(resus("batch " + out("missing.json") + " --out " + out("z")).exit_code, 2);
}

// `resus draw` prints the study's patients a host runs itself, one JSON line each: all of them,
// or a range; patient i's line is the same whichever range prints it. A bad study is refused as
// `resus batch` refuses it.
TEST_F(BatchTest, DrawPrintsEachPatientAsAJsonLine) {
  const auto all = resus("draw " + study_);
  ASSERT_EQ(all.exit_code, 0) << all.output;
  EXPECT_EQ(std::count(all.output.begin(), all.output.end(), '\n'), 6);
  for (const char* field : {"\"model\":", "\"sim\":{\"patient_id\":", "\"arrest\":", "\"team\":{",
                            "\"heart_failure\":", "\"body_mass_kg\":", "\"arrival_s\":"})
    EXPECT_NE(all.output.find(field), std::string::npos) << field;
  const auto tail = resus("draw " + study_ + " --first 4 --count 2");
  ASSERT_EQ(tail.exit_code, 0) << tail.output;
  std::size_t line4 = 0;
  for (int i = 0; i < 4; ++i) line4 = all.output.find('\n', line4) + 1;
  EXPECT_EQ(all.output.substr(line4), tail.output);
  // Only the study's own patients: the batch never runs patient 6 of 6.
  for (const auto& [range, message] :
       {std::pair{" --first 6", "--first = 6 is out of range; valid range is [0, 5]"},
        std::pair{" --first 5 --count 2", "--count = 2 is out of range; valid range is [1, 1]"}}) {
    const auto beyond = resus("draw " + study_ + range);
    EXPECT_EQ(beyond.exit_code, 2) << range;
    EXPECT_NE(beyond.output.find(message), std::string::npos) << beyond.output;
  }
  EXPECT_EQ(resus("draw " + study_ + " --patients 8 --first 6").exit_code, 0);
  std::ofstream(out("bad.json")) << R"({"patients": 0})";
  const auto bad = resus("draw " + out("bad.json"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.output.find("patients"), std::string::npos) << bad.output;
}

}  // namespace
