// Runs the built `resus` binary the way a user would and checks its exit codes, messages and
// output files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.hpp"
#include "../support/release_pass_only.hpp"

namespace {

namespace fs = std::filesystem;

using resus_cli_test::Outcome;
using resus_cli_test::read;
using resus_cli_test::resus;

std::string data(const std::string& name) { return std::string(RESUS_CLI_TEST_DATA) + "/" + name; }

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
                               "fluid_bolus", "heart_rate_set_bpm", "shock", "cardioversion",
                               "pacing_start", "rhythms (17)", "13  vf_coarse", "rhythm_id",
                               "cpr_start", "ventilation", "oxygen", "spontaneous_breathing",
                               "cpr_rate_per_min", "etco2_mmHg", "waveforms (8)", "capnogram",
                               "chest_depth"})
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

std::string hemorrhage() { return std::string(RESUS_EXAMPLES_DIR) + "/scenarios/hemorrhage.json"; }

// The chemistry's example scenarios (docs/scenario.md) run, show their blood gases, and end
// with their treatment's result: potassium back below 6, base excess less negative.
TEST_F(CliTest, ChemistryExampleScenariosRunToTheirTreatment) {
  RESUS_RELEASE_PASS_ONLY();
  const std::string dir = std::string(RESUS_EXAMPLES_DIR) + "/scenarios/";
  const Outcome k = resus("run \"" + dir + "hyperkalaemia.json\" --csv \"" + path("k.csv") + "\"");
  ASSERT_EQ(k.exit_code, 0) << k.output;
  EXPECT_NE(k.output.find("blood gas (venous) ready"), std::string::npos) << k.output;
  const Outcome a = resus("run \"" + dir + "acidosis.json\" --quiet --csv \"" + path("a.csv") + "\"");
  ASSERT_EQ(a.exit_code, 0) << a.output;
  // The last row's first values: potassium (first recorded signal) and base excess (second).
  auto last_value = [&](const std::string& file, int column) {
    const std::string csv = read(path(file));
    const std::size_t end = csv.find_last_not_of('\n');
    std::size_t at = csv.rfind('\n', end) + 1;
    for (int c = 0; c < column; ++c) at = csv.find(',', at) + 1;
    return std::stod(csv.substr(at));
  };
  EXPECT_LT(last_value("k.csv", 1), 6.0);
  EXPECT_GT(last_value("a.csv", 2), -7.0);
  // The other examples with a cause parse and run (their first ten minutes).
  for (const char* name : {"hypokalaemia.json", "hypothermia.json", "tamponade.json",
                           "tension_pneumothorax.json", "pulmonary_embolism.json",
                           "coronary_occlusion.json", "tricyclic_overdose.json", "asphyxia.json",
                           "opioid_overdose.json", "beta_blocker_overdose.json",
                           "calcium_channel_blocker_overdose.json", "haemorrhagic_shock.json",
                           "hypoglycaemia.json", "hypothermic_arrest.json"}) {
    const Outcome r = resus("run \"" + dir + name + "\" --duration 600 --quiet");
    EXPECT_EQ(r.exit_code, 0) << name << "\n" << r.output;
  }
  // The embolism's arrest, whole: the embolectomy during CPR gives the pulse back (the last row:
  // MAP is the fifth recorded signal, the carotid pulse the eleventh).
  const Outcome pe = resus("run \"" + dir + "pulmonary_embolism_arrest.json\" --quiet --csv \"" +
                           path("pe.csv") + "\"");
  ASSERT_EQ(pe.exit_code, 0) << pe.output;
  EXPECT_GT(last_value("pe.csv", 5), 65.0);
  EXPECT_GT(last_value("pe.csv", 11), 0.5);
  // The embolic arrest that the thrombolytic decides, whole: alteplase 2 minutes into the CPR
  // gives the pulse back (the carotid pulse the ninth recorded signal, the MAP the fourth).
  const Outcome lysis = resus("run \"" + dir + "pulmonary_embolism_thrombolysis.json\" --quiet --csv \"" +
                              path("lysis.csv") + "\"");
  ASSERT_EQ(lysis.exit_code, 0) << lysis.output;
  EXPECT_GT(last_value("lysis.csv", 9), 0.5);
  EXPECT_GT(last_value("lysis.csv", 4), 50.0);
  // The opioid's hypoxic arrest, whole: bag-mask ventilation with compressions gives back the
  // pulse, naloxone the breathing (the second recorded signal is the respiratory rate, the
  // seventh the MAP, the ninth the carotid pulse). This seed does not re-arrest (docs/scenario.md).
  const Outcome opioid = resus("run \"" + dir + "opioid_arrest.json\" --quiet --csv \"" +
                               path("opioid.csv") + "\"");
  ASSERT_EQ(opioid.exit_code, 0) << opioid.output;
  EXPECT_GT(last_value("opioid.csv", 2), 8.0);
  EXPECT_GT(last_value("opioid.csv", 7), 65.0);
  EXPECT_GT(last_value("opioid.csv", 9), 0.5);
}

TEST_F(CliTest, HemorrhageScenarioWritesCsvAndJson) {
  const Outcome r = resus("run \"" + hemorrhage() + "\" --duration 120 --quiet --csv \"" + path("out.csv") + "\" --json \"" +
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
  const Outcome r = resus("run \"" + hemorrhage() + "\" --duration 120");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* expected : {"patient: adult_male_70kg", "00:00:00  HR ", "00:02:00  HR ",
                               "00:01:00  hemorrhage started 500 mL/min (venous), up to 1500 mL",
                               "will not happen", "real time"})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
}

// The built-in default is a witnessed VF arrest: poor CPR, then 30:2 with a bag-mask and oxygen,
// AED shocks every 2 minutes, a tube with continuous compressions and bag ventilation,
// epinephrine after the second shock and every 3 minutes, amiodarone after the third. The
// timeline tells it.
TEST_F(CliTest, DefaultScenarioIsAVfArrestWithCprAedShocksAndDrugs) {
  const Outcome r = resus("run --csv \"" + path("default.csv") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* expected :
       {"00:00:00  HR 72 ", "00:01:00  rhythm: sinus -> vf_coarse", "00:01:20  HR 0 ",
        "00:06:40  CPR started: 100/min, 40 mm, continuous, leaning 8 mm",
        "00:08:40  airway: bag-mask", "00:08:40  oxygen: FiO2 0.95",
        "00:08:40  CPR started: 110/min, 55 mm, 30:2 (pause 5 s), breaths 500 mL",
        "00:10:00  AED: analysing; 200 J biphasic if shockable", "00:10:00  shock 200 J biphasic: ",
        "00:11:00  airway: tracheal tube", "00:11:00  CPR started: 110/min, 55 mm, continuous",
        "00:11:00  bag ventilation: 10/min, 500 mL, inspiration 1 s",
        "00:12:05  epinephrine 1 mg io_humeral, flush 10 mL",
        "00:12:10  CPR started: 120/min, 38 mm, continuous, leaning 10 mm",
        "00:13:10  CPR started: 110/min, 55 mm, continuous", "00:14:00  AED: analysing",
        "00:14:05  amiodarone 300 mg io_humeral, flush 10 mL",
        "00:15:05  epinephrine 1 mg io_humeral, flush 10 mL", "00:16:00  AED: analysing",
        "00:16:05  CPR stopped", "| CPR 110/min 55 mm", "EtCO2 ", "00:22:00  HR "})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
  // The story the timeline tells (an unwitnessed collapse: 5 min 40 s without flow): tired,
  // shallow, leaning compressions (12:10-13:10) perfuse less than good ones (13:10-14:00), the
  // drugs reach the blood, and EtCO2 jumps when the heart takes over after the last shock.
  const std::vector<std::string> csv = lines(read(path("default.csv")));
  ASSERT_GT(csv.size(), 1321u);
  auto value = [&](std::size_t t, const char* name) {
    std::istringstream header(csv[0]);
    std::string cell;
    int col = 0;
    while (std::getline(header, cell, ',') && cell != name) ++col;
    std::istringstream in(csv[1 + t]);
    for (int c = 0; c <= col; ++c) std::getline(in, cell, ',');
    return std::stod(cell);
  };
  EXPECT_LT(value(770, "cpp_mmHg"), 15.0);
  EXPECT_GT(value(830, "cpp_mmHg"), 18.0);
  EXPECT_GT(value(980, "etco2_mmHg"), value(950, "etco2_mmHg") + 8.0);
  EXPECT_GT(value(1020, "hr_bpm"), 60.0);
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

// VF at 10 s, one 200 J shock at 60 s: the timeline and the summary tell the story in words.
TEST_F(CliTest, VfAndShockAreNarrated) {
  const Outcome r = resus("run \"" + data("vf_shock.json") + "\" --json \"" + path("vf.json") +
                          "\" --csv \"" + path("vf.csv") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* expected :
       {"vf_coarse", "shock", "00:00:10  rhythm set to vf_coarse",
        "00:00:10  rhythm: sinus -> vf_coarse", "00:01:00  defibrillator: 200 J biphasic",
        "00:01:00  shock 200 J biphasic: VF "})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
  // In VF the pulse is gone: the vitals line at 30 s shows no heart rate.
  EXPECT_NE(r.output.find("00:00:30  HR 0 "), std::string::npos) << r.output;

  const nlohmann::json j = nlohmann::json::parse(read(path("vf.json")));
  const nlohmann::json* onset = nullptr;
  const nlohmann::json* shock = nullptr;
  for (const auto& e : j["events"]) {
    if (e["kind"] == "rhythm_changed" && !onset) onset = &e;
    if (e["kind"] == "shock_delivered") shock = &e;
  }
  ASSERT_NE(onset, nullptr) << j["events"].dump(2);
  EXPECT_EQ((*onset)["detail"], "vf_coarse");
  EXPECT_DOUBLE_EQ((*onset)["time_s"].get<double>(), 10.0);
  ASSERT_NE(shock, nullptr) << j["events"].dump(2);
  EXPECT_EQ((*shock)["action"], "shock");
  EXPECT_EQ((*shock)["value"], 200.0);
  EXPECT_DOUBLE_EQ((*shock)["time_s"].get<double>(), 60.0);
  const std::string outcome = (*shock)["detail"].get<std::string>();
  EXPECT_TRUE(outcome == "terminated" || outcome == "not_terminated") << outcome;
  const std::string text = (*shock)["text"].get<std::string>();
  EXPECT_EQ(text, outcome == "terminated" ? "shock 200 J biphasic: VF terminated"
                                          : "shock 200 J biphasic: VF not terminated");
  EXPECT_EQ(j["signals"]["rhythm_id"]["start"], 0.0);
  EXPECT_EQ(j["signals"]["hr_bpm"]["min"], 0.0);

  // The recorded rhythm: sinus (0) before, coarse VF (13) between onset and shock.
  const std::vector<std::string> csv = lines(read(path("vf.csv")));
  ASSERT_EQ(csv.size(), 1u + 121u);
  EXPECT_EQ(csv[0], "time_s,hr_bpm,map_mmHg,rhythm_id");
  auto rhythm_at = [&](std::size_t t) { return csv[1 + t].substr(csv[1 + t].rfind(',') + 1); };
  EXPECT_EQ(rhythm_at(5), "0");
  EXPECT_EQ(rhythm_at(30), "13");
  EXPECT_EQ(rhythm_at(59), "13");
}

TEST_F(CliTest, PacingAndCardioversionAreNarrated) {
  const Outcome r = resus("run \"" + data("pacing_cardioversion.json") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* expected :
       {"00:00:05  rhythm: sinus -> av_block_3", "00:00:10  pacing started 70/min 80 mA",
        "pacing capture gained (80 mA)", "00:00:40  pacing stopped",
        "00:01:00  cardioversion armed: 200 J biphasic, synchronised to the next R wave",
        "cardioversion 200 J biphasic: ", "00:01:20  rhythm: ", " -> vf_coarse",
        "00:01:25  cardioversion armed: 100 J monophasic",
        "00:01:28  cardioversion: no R wave to synchronise on"})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
  // The synchronised shock on AF either converts it or leaves it.
  EXPECT_TRUE(r.output.find("cardioversion 200 J biphasic: converted to sinus") != std::string::npos ||
              r.output.find("cardioversion 200 J biphasic: atrial_fibrillation not converted") !=
                  std::string::npos)
      << r.output;
}

// CPR 30:2, then a tube, continuous compressions, bag ventilation and oxygen: narrated, and the
// recorded signals show the compressions, the device and the oxygen.
TEST_F(CliTest, CprAndVentilationAreNarrated) {
  const Outcome r = resus("run \"" + data("cpr_ventilation.json") + "\" --csv \"" + path("c.csv") +
                          "\" --json \"" + path("c.json") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const char* expected :
       {"00:00:05  CPR started: 110/min, 55 mm, 30:2 (pause 5 s), breaths 500 mL",
        "00:00:20  airway: tracheal tube", "00:00:20  CPR started: 100/min, 50 mm, continuous",
        "00:00:21  bag ventilation: 10/min, 500 mL, inspiration 1 s",
        "00:00:21  oxygen: FiO2 0.95", "00:00:45  ventilation: manual breaths only",
        "00:00:46  breath: 600 mL over 1 s",
        "00:00:50  spontaneous breathing stopped (paralysed or sedated)",
        "00:00:55  CPR stopped"})
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
  const nlohmann::json j = nlohmann::json::parse(read(path("c.json")));
  const auto& sig = j["signals"];
  // The measured rate: 110/min in the 30:2 cycles (t = 12 s), 100/min once continuous (35 s).
  const std::vector<std::string> csv = lines(read(path("c.csv")));
  ASSERT_EQ(csv.size(), 1u + 61u);
  EXPECT_EQ(csv[0], "time_s,cpp_mmHg,etco2_mmHg,cpr_rate_per_min,cpr_depth_mm,fio2,airway_device");
  auto rate_at = [&](std::size_t t) {
    std::istringstream in(csv[1 + t]);
    std::string cell;
    for (int c = 0; c <= 3; ++c) std::getline(in, cell, ',');
    return std::stod(cell);
  };
  EXPECT_NEAR(rate_at(12), 110.0, 5.0);
  EXPECT_NEAR(rate_at(35), 100.0, 5.0);
  EXPECT_EQ(rate_at(59), 0.0);
  EXPECT_EQ(sig["airway_device"]["end"], 3.0);  // RESUS_AIRWAY_TRACHEAL_TUBE
  EXPECT_EQ(sig["fio2"]["end"], 0.95);
  EXPECT_EQ(sig["fio2"]["start"], 0.21);
  int applied = 0;
  for (const auto& e : j["events"]) applied += e["kind"] == "action_applied";
  EXPECT_EQ(applied, 10);
}

// --waves writes every waveform at --wave-rate: header time_s + one column per wave, one row per
// sample, times on the sample grid.
TEST_F(CliTest, WavesAreWrittenAsCsv) {
  const Outcome r = resus("run \"" + data("cpr_ventilation.json") + "\" --quiet --duration 30 --waves \"" +
                          path("w.csv") + "\" --wave-rate 100 --json \"" + path("w.json") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::vector<std::string> csv = lines(read(path("w.csv")));
  ASSERT_EQ(csv.size(), 1u + 3000u);  // 30 s at 100 Hz
  EXPECT_EQ(csv[0], "time_s,abp,cvp,pap,pleth,capnogram,paw,flow,chest_depth");
  EXPECT_EQ(csv[1].rfind("0.01,", 0), 0u) << csv[1];
  EXPECT_EQ(csv.back().rfind("30,", 0), 0u) << csv.back();
  // Arterial pressure in sinus rhythm (first second), compressions after 5 s.
  auto column = [&](std::size_t row, int col) {
    std::istringstream in(csv[row]);
    std::string cell;
    for (int c = 0; c <= col; ++c) std::getline(in, cell, ',');
    return std::stod(cell);
  };
  double abp_max = 0.0, depth_max = 0.0;
  for (std::size_t row = 1; row <= 100; ++row) abp_max = std::max(abp_max, column(row, 1));
  for (std::size_t row = 1001; row <= 1500; ++row) depth_max = std::max(depth_max, column(row, 8));
  EXPECT_GT(abp_max, 90.0);
  EXPECT_LT(abp_max, 150.0);
  EXPECT_GT(depth_max, 45.0);
  const nlohmann::json j = nlohmann::json::parse(read(path("w.json")));
  EXPECT_EQ(j["waves"]["samples"], 3000);
  EXPECT_EQ(j["waves"]["rate_hz"], 100);
}

TEST_F(CliTest, BadWaveOptionsAreUsageErrors) {
  EXPECT_EQ(resus("run --quiet --waves \"" + path("w.csv") + "\" --wave-rate 300").exit_code, 2);
  EXPECT_EQ(resus("run --quiet --wave-rate 125").exit_code, 2);  // needs --waves
  const Outcome r = resus("run --quiet --duration 10 --waves \"" + path("no/such/dir/w.csv") + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("w.csv: cannot create the waveform CSV file"), std::string::npos) << r.output;
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
        BadScenario{"bad_record_interval.json", "record.interval_s = 0.0005 is not a whole number of"},
        BadScenario{"shock_energy_out_of_range.json",
                    "actions[1].energy_J = 400 is out of range; valid range is [1, 360] J"},
        BadScenario{"unknown_rhythm.json", "actions[0].rhythm: 'ventricular_fibrillation' is not one of sinus"},
        BadScenario{"pacing_rate_out_of_range.json",
                    "actions[1].rate_per_min = 200 is out of range; valid range is [30, 180]"},
        BadScenario{"cpr_depth_out_of_range.json",
                    "actions[1].depth_mm = 120 is out of range; valid range is [0, 100] mm"},
        BadScenario{"fio2_out_of_range.json",
                    "actions[1].fio2 = 1.5 is out of range; valid range is [0.05, 1]"},
        BadScenario{"unknown_airway.json",
                    "actions[0].airway: 'endotracheal' is not one of none, bag_mask"}),
    [](const ::testing::TestParamInfo<BadScenario>& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.'));
    });

}  // namespace

namespace {

// docs/scenario.md's action table is `resus info --actions-markdown`: the ranges are written
// once, in the library's action table, and the page cannot drift from it.
TEST(CliDocs, ScenarioPageHoldsTheLibrarysActionTable) {
  const resus_cli_test::Outcome r = resus_cli_test::resus("info --actions-markdown");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string page = resus_cli_test::read(std::string(RESUS_DOCS_DIR) + "/scenario.md");
  const std::string begin = "<!-- actions:begin -->\n", end = "<!-- actions:end -->";
  const auto a = page.find(begin), b = page.find(end);
  ASSERT_NE(a, std::string::npos);
  ASSERT_NE(b, std::string::npos);
  EXPECT_EQ(page.substr(a + begin.size(), b - a - begin.size()), r.output)
      << "regenerate the table with: build/cli/resus info --actions-markdown";
  EXPECT_NE(r.output.find("| `cpr_start` | `rate_per_min` | number | /min | 110 | [30, 250]"),
            std::string::npos);
}

}  // namespace
