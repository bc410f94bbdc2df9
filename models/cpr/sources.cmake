# Sources of models/cpr, added to resus_models (owned by this folder).
target_sources(resus_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/compression.cpp
  ${CMAKE_CURRENT_LIST_DIR}/params.cpp
  ${CMAKE_CURRENT_LIST_DIR}/quality.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pulse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rescuer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/state_check.cpp
)
