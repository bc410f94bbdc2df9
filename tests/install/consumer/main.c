/* A host built against an installed resus: a patient, a sim, a drug, ten seconds. */
#include <resus/resus.h>
#include <stdio.h>

int main(void) {
  resus_model* model = NULL;
  resus_sim* sim = NULL;
  double map = 0.0;
  int32_t map_index = -1;
  if (resus_version_number() < 400) {
    fprintf(stderr, "consumer: resus %s is older than 0.4\n", resus_version());
    return 1;
  }
  if (resus_model_create_preset("adult_male_70kg", &model) != RESUS_OK ||
      resus_sim_create(model, NULL, &sim) != RESUS_OK ||
      resus_sim_apply_json(sim, "{\"do\":\"drug\",\"drug\":\"epinephrine\",\"dose\":10,"
                                "\"unit\":\"ug\",\"route\":\"central_iv\"}") != RESUS_OK ||
      resus_sim_advance(sim, 10.0) != RESUS_OK ||
      resus_signal_find("map_mmHg", &map_index) != RESUS_OK) {
    fprintf(stderr, "consumer: %s\n", resus_last_error(NULL));
    return 1;
  }
  map = resus_sim_signal(sim, map_index);
  printf("resus %s: MAP %.1f mmHg after epinephrine 10 ug\n", resus_version(), map);
  resus_sim_destroy(sim);
  resus_model_destroy(model);
  return map > 40.0 && map < 200.0 ? 0 : 1;
}
