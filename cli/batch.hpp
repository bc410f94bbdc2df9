// `resus batch` and `resus merge`: Monte Carlo studies of virtual patients with the automated
// team (docs/batch.md). Patients are written in chunks (50 by default), each a file of its
// own whatever the sharding or thread count, so that a killed run resumes where it stopped and
// shards on a cluster are merged by concatenation.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace resus_cli {

inline constexpr int64_t kDefaultChunkPatients = 50;

struct BatchOptions {
  std::string study;      // the study JSON file
  std::string out;        // results directory (created)
  int threads = 0;        // 0: every core
  int64_t patients = 0;   // 0: the study's count
  int shard = 0, shards = 1;
  int64_t chunk_patients = kDefaultChunkPatients;  // patients per result file
  bool quiet = false;
  bool merge = true;  // merge when this run finds every chunk there (MPI: rank 0 does, after all)
};

// Runs this shard's unfinished chunks, then merges if every chunk of the study is there (and
// options.merge).
// Throws InputError for bad input (exit 2); returns the exit code otherwise.
int run_batch(const BatchOptions& options);
// Prints patients first .. first + count - 1 of a study (count 0: to the study's last), one JSON
// object a line, as a host needs them to be the team itself (docs/batch.md, `resus draw`);
// `patients` > 0 overrides the study's count, as `resus batch --patients` does. Throws
// InputError for a bad study or a range beyond its patients.
int run_draw(const std::string& study, int64_t patients, int64_t first, int64_t count,
             std::ostream& out);
// Joins a results directory's chunks into results.csv, results.json (and series.csv).
int run_merge(const std::string& dir, bool quiet);

// "I/N" -> shard and shards; throws InputError.
void parse_shard(const std::string& text, int* shard, int* shards);

}  // namespace resus_cli
