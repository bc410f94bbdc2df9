# Cross build for 64-bit Windows with Debian's mingw-w64 (g++-mingw-w64-x86-64-posix): resus.dll,
# its import library libresus.dll.a and the C examples as .exe; scripts/cross.sh windows uses it
# and runs the result under wine:
#   cmake -S . -B build-mingw -G Ninja -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/x86_64-w64-mingw32.cmake \
#         -DRESUS_BUILD_CLI=OFF -DRESUS_BUILD_TESTS=OFF -DRESUS_BUILD_BENCH=OFF
#   WINEPATH='Z:\...\build-mingw\capi' wine build-mingw/examples/resus_quickstart.exe
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

# The posix thread model: its libstdc++ has std::thread and std::mutex (GCC 12's win32 one has
# not). capi/CMakeLists.txt links libstdc++, libgcc and winpthread into resus.dll statically.
set(RESUS_CROSS_TRIPLE x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${RESUS_CROSS_TRIPLE}-gcc-posix)
set(CMAKE_CXX_COMPILER ${RESUS_CROSS_TRIPLE}-g++-posix)
set(CMAKE_RC_COMPILER ${RESUS_CROSS_TRIPLE}-windres)

# The library's dependencies are header-only and architecture-independent (Eigen3, Boost
# headers, nlohmann-json) and Debian installs them for the host only: their headers are in
# /usr/include, their CMake package files in /usr/share. mingw's compiler does not search
# /usr/include, and a plain -isystem /usr/include would put the host's C library headers
# before mingw's own; -idirafter searches it last, after mingw's headers, and being one of the
# compiler's own directories it is left off the command line when a package names it.
set(CMAKE_C_FLAGS_INIT "-idirafter /usr/include")
set(CMAKE_CXX_FLAGS_INIT "-idirafter /usr/include")

# Libraries come from mingw's root only; headers and packages from it first, then the host.
set(CMAKE_FIND_ROOT_PATH /usr/${RESUS_CROSS_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE BOTH)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE BOTH)

find_program(RESUS_WINE NAMES wine wine64)
if(RESUS_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${RESUS_WINE})
endif()
