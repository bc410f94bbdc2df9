# Installation: the library, its header, a CMake package (find_package(resus)) and a pkg-config
# file; with the command, the command and the ECG plotter it runs. `cmake --install build
# --prefix P` installs into P; tests/install builds consumers against such a prefix.
include(CMakePackageConfigHelpers)

set(RESUS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/resus)
set(resus_targets resus)
if(NOT RESUS_BUILD_SHARED)
  # A static libresus is the C shim alone; the engine's archives go with it.
  list(APPEND resus_targets resus_engine resus_models)
endif()
# Components are the Debian packages: runtime (libresus0), dev (libresus-dev), tools (resus-tools).
install(TARGETS ${resus_targets} EXPORT resusTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT runtime
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES capi/include/resus/resus.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/resus COMPONENT dev)
install(EXPORT resusTargets NAMESPACE resus:: DESTINATION ${RESUS_CMAKE_DIR} COMPONENT dev)

configure_package_config_file(cmake/resusConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/resusConfig.cmake INSTALL_DESTINATION ${RESUS_CMAKE_DIR})
# 0.x keeps the C API appendable within the major version (docs/abi.md): 0.4 serves a 0.3 host.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/resusConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/resusConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/resusConfigVersion.cmake
        DESTINATION ${RESUS_CMAKE_DIR} COMPONENT dev)

if(RESUS_BUILD_SHARED)
  set(RESUS_PC_LIBS_PRIVATE "")
else()
  set(RESUS_PC_LIBS_PRIVATE "-lresus_engine -lresus_models -lstdc++ -lm")
endif()
# Relocatable: the prefix is found from the .pc file's own place (an installed prefix, a
# package's /usr, a scratch root).
file(RELATIVE_PATH RESUS_PC_TO_PREFIX "/prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/prefix")
configure_file(cmake/resus.pc.in ${CMAKE_CURRENT_BINARY_DIR}/resus.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/resus.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
        COMPONENT dev)

if(RESUS_BUILD_CLI)
  install(TARGETS resus_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
  install(PROGRAMS tools/ecg_plot.py DESTINATION ${CMAKE_INSTALL_DATADIR}/resus/tools
          COMPONENT tools)
  # resus-mpi installs with `cmake --install` but stays out of the Debian packages (it would tie
  # resus-tools to one MPI).
  if(TARGET resus_mpi)
    install(TARGETS resus_mpi RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT mpi)
  endif()
endif()

# Debian packages (cpack -G DEB in the build directory): libresus0, libresus-dev, resus-tools.
set(CPACK_PACKAGE_NAME resus)
set(CPACK_PACKAGE_VENDOR "resus")
set(CPACK_PACKAGE_CONTACT "resus developers <resus@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Real-time physiology engine for advanced life support")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
if(RESUS_BUILD_CLI)
  list(APPEND CPACK_COMPONENTS_ALL tools)
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# libresus0's dependencies come from dpkg-shlibdeps; resus-tools' are written out, since
# dpkg-shlibdeps cannot see libresus.so.0 in its sibling package.
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libresus${PROJECT_VERSION_MAJOR})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libresus-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libresus${PROJECT_VERSION_MAJOR} (= ${PROJECT_VERSION})")
set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME resus-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION science)
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS
    "libresus${PROJECT_VERSION_MAJOR} (= ${PROJECT_VERSION}), libc6, libstdc++6, libgcc-s1, libtbb12")
set(CPACK_DEBIAN_TOOLS_PACKAGE_SUGGESTS "python3-matplotlib")
include(CPack)
