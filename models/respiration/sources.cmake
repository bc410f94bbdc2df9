# Sources of models/respiration, added to resus_models (owned by this folder).
target_sources(resus_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/params.cpp
  ${CMAKE_CURRENT_LIST_DIR}/param_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mechanics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/control.cpp
  ${CMAKE_CURRENT_LIST_DIR}/monitors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/respiration.cpp
  ${CMAKE_CURRENT_LIST_DIR}/state_check.cpp
)
