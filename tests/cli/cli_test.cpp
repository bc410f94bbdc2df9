// Runs the built `resus` binary the way a user would and checks its exit codes, messages and
// output files.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Outcome {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// Runs `resus <args>` in a shell, capturing both streams.
Outcome resus(const std::string& args) {
  const std::string command = std::string("\"") + RESUS_CLI_PATH + "\" " + args + " 2>&1";
  Outcome out{-1, ""};
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.output.append(buf, n);
  const int status = pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::string data(const std::string& name) { return std::string(RESUS_CLI_TEST_DATA) + "/" + name; }

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// A fresh directory per test for output files.
class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("resus_cli_test_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

TEST_F(CliTest, InfoListsSignalsPresetsActionsAndParameters) {
  const Outcome r = resus("info");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* expected : {"hr_bpm", "blood_volume_mL", "adult_male_70kg", "hemorrhage",
                               "fluid_bolus", "heart_rate_set_bpm"})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
}

TEST_F(CliTest, VersionPrintsTheLibraryVersion) {
  const Outcome r = resus("--version");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output.rfind("resus ", 0), 0u) << r.output;
}

TEST_F(CliTest, NoSubcommandIsAUsageError) {
  EXPECT_EQ(resus("").exit_code, 2);
  EXPECT_EQ(resus("frobnicate").exit_code, 2);
}

TEST_F(CliTest, DefaultScenarioWritesCsvAndJson) {
  const Outcome r = resus("run --duration 120 --quiet --csv \"" + path("out.csv") + "\" --json \"" +
                          path("out.json") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("real time"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("HR "), std::string::npos) << "--quiet printed the timeline:\n" << r.output;

  const std::vector<std::string> csv = lines(read(path("out.csv")));
  ASSERT_FALSE(csv.empty());
  EXPECT_EQ(csv[0], "time_s,hr_bpm,sbp_mmHg,dbp_mmHg,map_mmHg,pulse_pressure_mmHg,co_L_min,"
                    "cvp_mmHg,blood_volume_mL");
  EXPECT_EQ(csv.size(), 1u + 121u);  // header, then t = 0, 1, ..., 120 s
  EXPECT_EQ(csv[1].rfind("0,", 0), 0u) << csv[1];
  EXPECT_EQ(csv.back().rfind("120,", 0), 0u) << csv.back();

  const nlohmann::json j = nlohmann::json::parse(read(path("out.json")));
  EXPECT_EQ(j["duration_s"], 120.0);
  EXPECT_EQ(j["seed"], 1);
  EXPECT_EQ(j["patient"]["preset"], "adult_male_70kg");
  EXPECT_TRUE(j["completed"].get<bool>());
  const auto& bv = j["signals"]["blood_volume_mL"];
  EXPECT_EQ(bv["samples"], 121);
  EXPECT_LE(bv["min"].get<double>(), bv["mean"].get<double>());
  EXPECT_LE(bv["mean"].get<double>(), bv["max"].get<double>());
  EXPECT_LT(bv["end"].get<double>(), bv["start"].get<double>() - 400.0);  // 60 s at 500 mL/min
  ASSERT_FALSE(j["events"].empty());
  EXPECT_EQ(j["events"][0]["action"], "hemorrhage");
  EXPECT_DOUBLE_EQ(j["events"][0]["time_s"].get<double>(), 60.0);
  EXPECT_GT(j["real_time_factor"].get<double>(), 0.0);
  EXPECT_GT(j["wall_time_s"].get<double>(), 0.0);
}

TEST_F(CliTest, TimelineShowsHeaderEventsAndVitals) {
  const Outcome r = resus("run --duration 120");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* expected : {"patient: adult_male_70kg", "00:00:00  HR ", "00:02:00  HR ",
                               "00:01:00  hemorrhage started 500 mL/min (venous), up to 1500 mL",
                               "will not happen", "real time"})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
}

// The built-in default is generated from examples/scenarios/default.json: same run, same bits.
TEST_F(CliTest, EmbeddedDefaultMatchesExampleFile) {
  const std::string file = std::string(RESUS_EXAMPLES_DIR) + "/scenarios/default.json";
  ASSERT_EQ(resus("run --duration 90 --quiet --csv \"" + path("embedded.csv") + "\"").exit_code, 0);
  ASSERT_EQ(resus("run \"" + file + "\" --duration 90 --quiet --csv \"" + path("file.csv") + "\"").exit_code, 0);
  const std::string embedded = read(path("embedded.csv"));
  EXPECT_FALSE(embedded.empty());
  EXPECT_EQ(embedded, read(path("file.csv")));
}

TEST_F(CliTest, SmallScenarioRecordsHalfSecondsAndReportsEvents) {
  const Outcome r = resus("run \"" + data("small.json") + "\" --csv \"" + path("s.csv") +
                          "\" --json \"" + path("s.json") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::vector<std::string> csv = lines(read(path("s.csv")));
  EXPECT_EQ(csv[0], "time_s,hr_bpm,map_mmHg,blood_lost_mL");
  EXPECT_EQ(csv.size(), 1u + 61u);  // 0, 0.5, ..., 30 s
  EXPECT_NE(r.output.find("00:00:05  hemorrhage started 1000 mL/min (arterial), up to 200 mL"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find("00:00:12.500  fluid bolus started: 100 mL at 1000 mL/min"),
            std::string::npos) << r.output;
  EXPECT_NE(r.output.find("hemorrhage ended: 200 mL lost"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("fluid bolus finished: 100 mL infused"), std::string::npos) << r.output;
  const nlohmann::json j = nlohmann::json::parse(read(path("s.json")));
  EXPECT_EQ(j["seed"], 7);
  EXPECT_EQ(j["events"].size(), 4u);
  EXPECT_NEAR(j["signals"]["blood_lost_mL"]["end"].get<double>(), 200.0, 1e-6);
}

TEST_F(CliTest, MissingScenarioFileIsRejected) {
  const Outcome r = resus("run \"" + path("nope.json") + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find(path("nope.json") + ": no such file"), std::string::npos) << r.output;
}

TEST_F(CliTest, BadDurationOptionIsRejected) {
  const Outcome r = resus("run --duration -5 --quiet");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--duration -5 is out of range"), std::string::npos) << r.output;
}

TEST_F(CliTest, UnwritableOutputIsRejectedBeforeRunning) {
  const Outcome r = resus("run --quiet --csv \"" + path("no/such/dir/out.csv") + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("out.csv: cannot create"), std::string::npos) << r.output;
}

// Each malformed scenario is rejected with exit code 2 and "<file>: <JSON path>...".
struct BadScenario {
  const char* file;
  const char* expected;  // follows "<path to file>: "
};

// Names the case by its file in test listings (not as raw bytes).
void PrintTo(const BadScenario& c, std::ostream* os) { *os << c.file; }

class BadScenarioTest : public ::testing::TestWithParam<BadScenario> {};

TEST_P(BadScenarioTest, IsRejectedWithFileAndJsonPath) {
  const BadScenario& c = GetParam();
  const Outcome r = resus("run --quiet \"" + data(c.file) + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find(data(c.file) + ": " + c.expected), std::string::npos)
      << "expected '" << c.expected << "' in:\n" << r.output;
  EXPECT_EQ(r.output.find("HR "), std::string::npos) << "ran anyway:\n" << r.output;
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadScenarioTest,
    ::testing::Values(
        BadScenario{"bad_json.json", "malformed JSON: parse error at line 5"},
        BadScenario{"unknown_field.json", "durations_s: unknown field"},
        BadScenario{"unknown_signal.json", "record.signals[1]: unknown signal 'foo'"},
        BadScenario{"out_of_range_action.json", "actions[2].rate_mL_min = -5 is out of range"},
        BadScenario{"unknown_action.json", "actions[0].do: unknown action 'defibrillate'"},
        BadScenario{"unknown_preset.json", "patient.preset: unknown preset 'adult_male_700kg'"},
        BadScenario{"action_after_duration.json", "actions[1].at_s = 180 is out of range"},
        BadScenario{"unknown_override.json", "patient.overrides.heart_rate_bpm: "},
        BadScenario{"override_out_of_range.json", "patient.overrides.heart_rate_set_bpm: "},
        BadScenario{"wrong_type.json", "duration_s: expected a number, got a string"},
        BadScenario{"duplicate_field.json", "actions[0].at_s: the field appears twice"},
        BadScenario{"unknown_action_field.json", "actions[0].rate_ml_min: unknown field"},
        BadScenario{"missing_at.json", "actions[0].at_s: required"},
        BadScenario{"bad_record_interval.json", "record.interval_s = 0.0005 is not a whole number of"}),
    [](const ::testing::TestParamInfo<BadScenario>& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.'));
    });

}  // namespace
