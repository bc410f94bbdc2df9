# Sources of models/aed, added to resus_models (owned by this folder).
target_sources(resus_models PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/aed_analysis.cpp
  ${CMAKE_CURRENT_LIST_DIR}/amsa.cpp
)
