# Cross build for 64-bit Arm Linux with Debian's cross compiler (g++-aarch64-linux-gnu,
# libc6-dev-arm64-cross); scripts/cross.sh arm64 uses it and runs the result under qemu-aarch64:
#   cmake -S . -B build-arm64 -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake \
#         -DRESUS_BUILD_CLI=OFF -DRESUS_BUILD_TESTS=OFF -DRESUS_BUILD_BENCH=OFF
#   qemu-aarch64 -L /usr/aarch64-linux-gnu build-arm64/examples/resus_quickstart
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(RESUS_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${RESUS_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${RESUS_CROSS_TRIPLE}-g++)

# Libraries come from the target's root only. The library's dependencies are header-only and
# architecture-independent (Eigen3, Boost headers, nlohmann-json): their headers and CMake
# package files are the host's (/usr/include, /usr/share/eigen3/cmake, /usr/share/cmake), so
# headers and packages are searched in the target's root first, then on the host. Debian's cross
# compiler already searches /usr/include after its own headers, so CMake leaves that directory
# off the command line.
set(CMAKE_FIND_ROOT_PATH /usr/${RESUS_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

# Tests or tools run through the emulator when a build asks for one (try_run, add_test).
find_program(RESUS_QEMU_AARCH64 qemu-aarch64)
if(RESUS_QEMU_AARCH64)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${RESUS_QEMU_AARCH64} -L /usr/${RESUS_CROSS_TRIPLE})
endif()
