# Sources of models/pharmacology, added to resus_models (owned by this folder).
target_sources(resus_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/dosing.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drug_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/effects.cpp
  ${CMAKE_CURRENT_LIST_DIR}/params.cpp
  ${CMAKE_CURRENT_LIST_DIR}/state.cpp
  ${CMAKE_CURRENT_LIST_DIR}/transport.cpp
)
