// `resus run --ecg`: the WFDB record and the CSV read back by independent readers, and the plot.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "run_cli.hpp"
#include "wfdb_reader.hpp"

namespace {

namespace fs = std::filesystem;
using namespace resus_cli_test;

class EcgCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("resus_ecg_test_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  fs::path dir_;
};

const std::vector<std::string> kLeads = {"I",  "II", "III", "aVR", "aVL", "aVF", "V1",
                                         "V2", "V3", "V4",  "V5",  "V6",  "pads"};

// The default scenario (VF at 60 s) for 90 s at 250 Hz: sinus beats, then VF.
TEST_F(EcgCliTest, WfdbRecordReadsBack) {
  const Outcome r = resus("run --duration 90 --quiet --ecg \"" + path("arrest") +
                          "\" --ecg-rate 250 --json \"" + path("s.json") + "\"");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const nlohmann::json ecg = nlohmann::json::parse(read(path("s.json")))["ecg"];
  EXPECT_EQ(ecg["rate_hz"], 250);
  EXPECT_EQ(ecg["samples"], 90 * 250);

  const WfdbHeader h = read_wfdb_header(path("arrest.hea"));
  EXPECT_EQ(h.name, "arrest");
  EXPECT_EQ(h.signals, 13);
  EXPECT_EQ(h.rate_hz, 250.0);
  EXPECT_EQ(h.samples, ecg["samples"].get<long long>());
  ASSERT_EQ(h.signal.size(), kLeads.size());
  for (std::size_t l = 0; l < kLeads.size(); ++l) {
    EXPECT_EQ(h.signal[l].file, "arrest.dat");
    EXPECT_EQ(h.signal[l].format, 16);
    EXPECT_EQ(h.signal[l].gain, 1000.0);
    EXPECT_EQ(h.signal[l].baseline, 0.0);
    EXPECT_EQ(h.signal[l].units, "mV");
    EXPECT_EQ(h.signal[l].adc_resolution, 16);
    EXPECT_EQ(h.signal[l].description, kLeads[l]);
  }

  const std::vector<int16_t> dat = read_format16(path("arrest.dat"));
  ASSERT_EQ(dat.size(), static_cast<std::size_t>(h.samples) * 13u);
  int worst = 0, peak = 0;
  for (std::size_t k = 0; k < static_cast<std::size_t>(h.samples); ++k) {
    const int16_t* f = &dat[k * 13];
    worst = std::max(worst, std::abs(f[0] + f[2] - f[1]));  // I + III = II
    peak = std::max(peak, std::abs(static_cast<int>(f[1])));
  }
  EXPECT_LE(worst, 1);
  EXPECT_GT(peak, 500);  // a real ECG: R waves of more than 0.5 mV in II

  const std::vector<WfdbAnnotation> atr = read_mit_annotations(path("arrest.atr"));
  long long beats = 0;
  std::vector<std::string> rhythms;
  long long previous = 0;
  for (const WfdbAnnotation& a : atr) {
    EXPECT_GE(a.sample, previous);
    EXPECT_LT(a.sample, h.samples);
    previous = a.sample;
    if (a.code == 1 || a.code == 5 || a.code == 12) ++beats;
    if (a.code == 28) rhythms.push_back(a.aux);
  }
  EXPECT_EQ(beats, ecg["beats"].get<long long>());
  EXPECT_GT(beats, 60);  // 60 s of sinus at 72/min
  ASSERT_EQ(rhythms.size(), 2u);
  EXPECT_EQ(rhythms[0], "(N");
  EXPECT_EQ(rhythms[1], "(VF");
}

TEST_F(EcgCliTest, CsvHasOneRowPerSample) {
  const Outcome r = resus("run --duration 5 --quiet --ecg \"" + path("ecg.csv") + "\" --ecg-rate 1000");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  std::istringstream in(read(path("ecg.csv")));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "time_s,I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6,pads");
  std::getline(in, line);
  EXPECT_EQ(line.rfind("0.001,", 0), 0u) << line;
  int rows = 1;
  std::string last = line;
  while (std::getline(in, line)) ++rows, last = line;
  EXPECT_EQ(rows, 5000);
  EXPECT_EQ(last.rfind("5,", 0), 0u) << last;
}

TEST_F(EcgCliTest, BadEcgOptionsAreRejected) {
  EXPECT_EQ(resus("run --quiet --ecg \"" + path("a") + "\" --ecg-rate 300").exit_code, 2);
  EXPECT_EQ(resus("run --quiet --ecg \"" + path("a") + "\" --ecg-format edf").exit_code, 2);
  EXPECT_EQ(resus("run --quiet --ecg-rate 250").exit_code, 2);  // needs --ecg
  const Outcome r = resus("run --quiet --ecg \"" + path("no/such/dir/rec") + "\"");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("cannot create the WFDB record"), std::string::npos) << r.output;
}

// --ecg-plot draws a 12-lead page with tools/ecg_plot.py (needs python3 and matplotlib).
TEST_F(EcgCliTest, PlotWritesPng) {
  const Outcome r = resus("run --duration 12 --quiet --ecg \"" + path("rec") + "\" --ecg-plot \"" +
                          path("page.png") + "\"");
  if (r.exit_code == 2 && r.output.find("--ecg-plot needs") != std::string::npos)
    GTEST_SKIP() << "no python3 with matplotlib: " << r.output;
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string png = read(path("page.png"));
  ASSERT_GT(png.size(), 1000u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
