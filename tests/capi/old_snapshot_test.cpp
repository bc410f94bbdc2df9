// Saved games across versions (issue 15): a snapshot written by an older release is refused with
// a message that names its format and the release that wrote it, this build's version and
// format, and what to do instead; the sim it was offered to runs on unchanged. The file was
// saved by resus 0.2 (data/snapshot_0_2_0.bin; data/README.md says how).
#include <gtest/gtest.h>
#include <resus/resus.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

std::vector<unsigned char> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(OldSnapshot, IsRefusedNamingBothVersions) {
  const std::vector<unsigned char> old = read_bytes(std::string(RESUS_TEST_DATA_DIR) + "/snapshot_0_2_0.bin");
  ASSERT_GT(old.size(), 32u);
  ASSERT_EQ(std::memcmp(old.data(), "RESUSSNP", 8), 0);
  uint32_t format = 0;
  std::memcpy(&format, old.data() + 8, sizeof format);

  resus_model* model = nullptr;
  ASSERT_EQ(resus_model_create_preset("adult_male_70kg", &model), RESUS_OK);
  const resus_sim_def def = resus_default_sim_def();
  resus_sim* sim = nullptr;
  ASSERT_EQ(resus_sim_create(model, &def, &sim), RESUS_OK);
  ASSERT_EQ(resus_sim_advance(sim, 5.0), RESUS_OK);
  const double map_before = resus_sim_signal(sim, 3);

  EXPECT_EQ(resus_sim_load(sim, old.data(), static_cast<int64_t>(old.size())), RESUS_ERR_INCOMPATIBLE);
  const std::string message = resus_last_error(sim);
  EXPECT_NE(message.find("format version " + std::to_string(format)), std::string::npos) << message;
  EXPECT_NE(message.find("resus 0.2"), std::string::npos) << message;
  EXPECT_NE(message.find(resus_version()), std::string::npos) << message;
  EXPECT_NE(message.find("not converted"), std::string::npos) << message;

  // The sim was left as it was and runs on.
  EXPECT_EQ(resus_sim_time(sim), 5.0);
  EXPECT_EQ(resus_sim_signal(sim, 3), map_before);
  EXPECT_EQ(resus_sim_advance(sim, 5.0), RESUS_OK);
  EXPECT_EQ(resus_sim_time(sim), 10.0);
  resus_sim_destroy(sim);
  resus_model_destroy(model);
}

}  // namespace
