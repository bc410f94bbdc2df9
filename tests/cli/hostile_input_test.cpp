// The resus command given what a careless host or an attacker gives it (issue 8, defects 4, 5,
// 7 and 8): devices and endless streams as the scenario, deep nesting, huge names, numbers beyond
// a double, narrowing integers, and scenarios with more actions than a sim's queue holds.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "run_cli.hpp"

namespace {

namespace fs = std::filesystem;
using resus_cli_test::Outcome;
using resus_cli_test::read;
using resus_cli_test::resus;

class CliHostile : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("resus_cli_hostile_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const std::string p = (dir_ / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

// Regression: /dev/zero and /dev/urandom were read until memory ran out (4+ GB, bad_alloc).
TEST_F(CliHostile, DevicesAndPipesAreNotReadAsFiles) {
  for (const char* device : {"/dev/zero", "/dev/urandom"}) {
    const Outcome r = resus(std::string("run --quiet ") + device);
    EXPECT_EQ(r.exit_code, 2) << r.output;
    EXPECT_NE(r.output.find(std::string(device) + ": not a regular file"), std::string::npos)
        << r.output;
  }
}

// Regression: 10,000 nested '[' took 217 MB, 100,000 took 4.5 GB.
TEST_F(CliHostile, DeepNestingIsRefused) {
  const std::string p = write("deep.json", std::string(100000, '['));
  const Outcome r = resus("run --quiet \"" + p + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output.substr(0, 500);
  EXPECT_NE(r.output.find("nested deeper than 64 levels"), std::string::npos)
      << r.output.substr(0, 500);
  EXPECT_LT(r.output.size(), 2000u);
}

// Regression: a 200 MB preset name was echoed whole in the message (1 GB of stderr).
TEST_F(CliHostile, HugeNamesAreCutInMessages) {
  const std::string name(500000, 'p');
  const std::string p = write("name.json", R"({"patient":{"preset":")" + name +
                                               R"("},"duration_s":10})");
  Outcome r = resus("run --quiet \"" + p + "\"");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown preset 'ppp"), std::string::npos) << r.output.substr(0, 500);
  EXPECT_NE(r.output.find("500000 characters"), std::string::npos) << r.output.substr(0, 500);
  EXPECT_LT(r.output.size(), 1000u);
  const std::string q = write("field.json", R"({")" + name + R"(":1,"duration_s":10})");
  r = resus("run --quiet \"" + q + "\"");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_LT(r.output.size(), 1000u);
  const std::string s = write("signal.json", R"({"duration_s":10,"record":{"signals":[")" + name +
                                                 R"("]}})");
  r = resus("run --quiet \"" + s + "\"");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_LT(r.output.size(), 1000u);
}

TEST_F(CliHostile, OversizedFilesAreRefusedUnread) {
  const std::string p = path("big.json");
  {
    std::ofstream out(p, std::ios::binary);
    out.seekp((64 << 20) + 10);
    out.put(' ');
  }
  const Outcome r = resus("run --quiet \"" + p + "\"");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("larger than 67108864 bytes"), std::string::npos) << r.output;
}

// Regression (defects 4 and 5): "internal error" for 1e309; 4294967326 ran as 30.
TEST_F(CliHostile, NumbersBeyondRangeAreNamedBadInput) {
  const std::string big = write("big.json", R"({"duration_s":10,"actions":[
      {"at_s":1,"do":"oxygen","fio2":1e309}]})");
  Outcome r = resus("run --quiet \"" + big + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("actions[0].fio2: number overflow"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("internal"), std::string::npos) << r.output;
  const std::string narrow = write("narrow.json", R"({"duration_s":10,"actions":[
      {"at_s":1,"do":"cpr_start","compressions_per_cycle":4294967326}]})");
  r = resus("run --quiet \"" + narrow + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("actions[0].compressions_per_cycle = 4294967326 is out of range"),
            std::string::npos)
      << r.output;
}

// '-' is standard input for the scenario and standard output for --csv, as Unix tools do; the
// timeline then goes to standard error so the CSV stays clean.
TEST_F(CliHostile, DashMeansStandardInputAndOutput) {
  const std::string p = write("s.json", R"({"duration_s":4,"record":{"interval_s":1,
      "signals":["map_mmHg"]}})");
  const std::string command = std::string("\"") + RESUS_CLI_PATH + "\" run - --csv - < \"" + p +
                              "\" 2>\"" + path("err.txt") + "\" >\"" + path("out.csv") + "\"";
  ASSERT_EQ(std::system(command.c_str()), 0) << read(path("err.txt"));
  const std::string csv = read(path("out.csv"));
  EXPECT_EQ(csv.rfind("time_s,map_mmHg\n", 0), 0u) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 6) << csv;  // header, t = 0..4
  EXPECT_NE(read(path("err.txt")).find("simulated"), std::string::npos);
}

std::string many_actions(int count, double every_s) {
  std::string actions;
  for (int i = 0; i < count; ++i) {
    if (i) actions += ",";
    actions += R"({"at_s":)" + std::to_string(1.0 + i * every_s) + R"(,"do":"oxygen","fio2":)" +
               (i % 2 ? "0.5" : "0.21") + "}";
  }
  return actions;
}

// Regression: more than 256 actions passed validation, then failed at run time ("action queue
// is full"). The runner now hands actions to the sim as the run reaches them.
TEST_F(CliHostile, ThousandsOfActionsAllHappen) {
  const std::string p = write("many.json", R"({"duration_s":120,"actions":[)" +
                                               many_actions(3000, 0.03) + "]}");
  const Outcome r = resus("run --quiet \"" + p + "\" --json \"" + path("s.json") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output.substr(0, 2000);
  const nlohmann::json j = nlohmann::json::parse(read(path("s.json")));
  int applied = 0;
  for (const auto& e : j["events"])
    if (e.value("action", "") == "oxygen") ++applied;
  EXPECT_EQ(applied, 3000);
}

TEST_F(CliHostile, MoreActionsAtOneMomentThanTheQueueHoldsAreRefused) {
  const std::string p = write("burst.json", R"({"duration_s":10,"actions":[)" +
                                                many_actions(257, 0.0) + "]}");
  const Outcome r = resus("run --quiet \"" + p + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output.substr(0, 500);
  EXPECT_NE(r.output.find("actions[256].at_s = 1: more than 256 actions at one time"),
            std::string::npos)
      << r.output.substr(0, 500);
}

}  // namespace
