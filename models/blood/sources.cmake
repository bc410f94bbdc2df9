# Sources of models/blood, added to resus_models (owned by this folder).
target_sources(resus_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/blood_gas.cpp
  ${CMAKE_CURRENT_LIST_DIR}/params.cpp
  ${CMAKE_CURRENT_LIST_DIR}/transport.cpp
)
