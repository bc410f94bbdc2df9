// resus-mpi: `resus batch` for one MPI allocation (docs/batch.md). Rank r of N runs shard r/N of
// the study on its own cores and writes its chunks into the shared results directory; when every
// rank is done, rank 0 merges. The results are the same bytes as one `resus batch` of the study.
//
//   mpirun -n 4 resus-mpi STUDY.json --out DIR [--threads N] [--patients N] [--chunk N] [-q]
#include <mpi.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "batch.hpp"
#include "scenario.hpp"

namespace {

constexpr int kExitRunFailed = 1;
constexpr int kExitBadInput = 2;

int run_rank(resus_cli::BatchOptions opt, int rank, int ranks) {
  opt.shard = rank;
  opt.shards = ranks;
  opt.merge = false;  // rank 0 merges once every rank has finished
  try {
    return resus_cli::run_batch(opt);
  } catch (const resus_cli::InputError& e) {
    if (rank == 0) std::cerr << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "resus-mpi: rank " << rank << ": " << e.what() << "\n";
    return kExitRunFailed;
  }
}

}  // namespace

int main(int argc, char** argv) {
  MPI_Init(&argc, &argv);
  int rank = 0, ranks = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks);

  resus_cli::BatchOptions opt;
  opt.threads = 1;  // one rank per core is the usual mpirun layout
  CLI::App app{"resus-mpi: a Monte Carlo study over the ranks of an MPI job (docs/batch.md)", "resus-mpi"};
  app.add_option("study", opt.study, "Study JSON file")->required();
  app.add_option("--out", opt.out, "Results directory on a file system every rank sees")->required();
  app.add_option("--threads", opt.threads, "Worker threads per rank (default 1)")->check(CLI::Range(1, 4096));
  app.add_option("--patients", opt.patients, "Override the study's patient count")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000000}));
  app.add_option("--chunk", opt.chunk_patients, "Patients per result file (default 50)")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No progress or summary");
  int code = 0;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    code = rank == 0 ? app.exit(e) : (e.get_exit_code() == 0 ? 0 : kExitBadInput);
    if (code != 0) code = kExitBadInput;
    MPI_Finalize();
    return code;
  }
  opt.quiet = quiet || rank != 0;

  code = run_rank(opt, rank, ranks);
  int worst = 0;
  MPI_Allreduce(&code, &worst, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  if (worst == 0 && rank == 0) {
    try {
      worst = resus_cli::run_merge(opt.out, quiet);
    } catch (const std::exception& e) {
      std::cerr << "resus-mpi: " << e.what() << "\n";
      worst = kExitRunFailed;
    }
  }
  MPI_Bcast(&worst, 1, MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Finalize();
  return worst;
}
