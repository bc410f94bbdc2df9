# Sources of models/ageing, added to resus_models (owned by this folder).
target_sources(resus_models PRIVATE ${CMAKE_CURRENT_LIST_DIR}/ageing.cpp)
