/* The C API from C (and, through test_capi_cxx.cpp, from C++): its predictions equal the C++ API's
 * (expected.txt from make_capi_fixture), and every misuse returns an error with a message. */
#include "maple/maple_predictor.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;
#define CHECK(cond)                                                                                                  \
  do {                                                                                                               \
    if (!(cond)) {                                                                                                   \
      fprintf(stderr, "%s:%d: check failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond, maple_last_error());  \
      ++failures;                                                                                                    \
    }                                                                                                                \
  } while (0)

static const char* kArch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

int main(int argc, char** argv) {
  char path[4096];
  if (argc != 2) {
    fprintf(stderr, "usage: test_capi FIXTURE_DIR\n");
    return 2;
  }
  CHECK(maple_predictor_api_version() == MAPLE_PREDICTOR_API_VERSION);

  /* Misuse and bad files: NULL / -1 with a reason, never a crash. */
  CHECK(maple_predictor_open(NULL) == NULL && strlen(maple_last_error()) > 0);
  snprintf(path, sizeof path, "%s/missing.maplepred", argv[1]);
  CHECK(maple_predictor_open(path) == NULL && strstr(maple_last_error(), "missing.maplepred") != NULL);
  snprintf(path, sizeof path, "%s/expected.txt", argv[1]);
  CHECK(maple_predictor_open(path) == NULL && strstr(maple_last_error(), "not a MAPLE predictor file") != NULL);
  maple_predictor_close(NULL);
  CHECK(maple_arch_code("|bogus~0|") == -1 && strlen(maple_last_error()) > 0);
  CHECK(maple_arch_code(kArch) >= 0 && maple_arch_code(kArch) < 15625);

  snprintf(path, sizeof path, "%s/pool.maplepred", argv[1]);
  maple_predictor* p = maple_predictor_open(path);
  CHECK(p != NULL);
  if (!p) return 1;
  CHECK(strstr(maple_predictor_info(p), "\"method\"") != NULL);
  CHECK(strcmp(maple_predictor_descriptor_kind(p), "specs") == 0);
  CHECK(maple_predictor_descriptor_count(p) == 2);
  CHECK(maple_predictor_descriptor_name(p, 2) == NULL);
  CHECK(strcmp(maple_predictor_device(p), "") == 0);

  double one = 0;
  const char* archs[2] = {kArch, "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"};
  CHECK(maple_predictor_predict_strings(p, archs, 1, &one) == -1 && strstr(maple_last_error(), "bind") != NULL);

  const char* wrong[1] = {"ln_sped"};
  const double wrongValue[1] = {1.0};
  CHECK(maple_predictor_bind(p, "x", wrong, wrongValue, 1) == -1 && strstr(maple_last_error(), "ln_sped") != NULL);
  const char* names[2] = {"ln_speed", "ln_mem"};
  const double values[2] = {log(3.0), log(1.2)};
  CHECK(maple_predictor_bind(p, "unseen", names, values, 2) == 0);
  CHECK(strcmp(maple_predictor_device(p), "unseen") == 0);

  /* The C++ API's predictions for the same device, bit for bit up to printing. */
  snprintf(path, sizeof path, "%s/expected.txt", argv[1]);
  FILE* f = fopen(path, "r");
  CHECK(f != NULL);
  if (!f) return 1;
  int32_t codes[200];
  double want[200], got[200];
  size_t n = 0;
  while (n < 200 && fscanf(f, "%d %lf", &codes[n], &want[n]) == 2) ++n;
  fclose(f);
  CHECK(n == 125);
  CHECK(maple_predictor_predict_codes(p, codes, n, got) == 0);
  for (size_t i = 0; i < n; ++i) CHECK(fabs(got[i] - want[i]) <= 1e-12 * fabs(want[i]) && got[i] > 0);

  double two[2];
  CHECK(maple_predictor_predict_strings(p, archs, 2, two) == 0);
  int32_t code = maple_arch_code(kArch);
  CHECK(maple_predictor_predict_codes(p, &code, 1, &one) == 0 && one == two[0]);
  CHECK(two[0] > two[1]); /* three 3x3 convolutions cost more than an empty cell */

  const char* bad[1] = {"|nor_conv_3x3~0|"};
  CHECK(maple_predictor_predict_strings(p, bad, 1, &one) == -1 && strstr(maple_last_error(), "architecture 0") != NULL);
  int32_t outside = 15625;
  CHECK(maple_predictor_predict_codes(p, &outside, 1, &one) == -1 && strlen(maple_last_error()) > 0);
  maple_predictor_close(p);

  if (failures) fprintf(stderr, "%d checks failed\n", failures);
  else printf("C API: all checks passed (%zu predictions equal the C++ API's)\n", n);
  return failures ? 1 : 0;
}
