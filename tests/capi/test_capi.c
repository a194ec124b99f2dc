/* The C API from C (and, through test_capi_cxx.cpp, from C++): its predictions equal the C++ API's
 * (expected.txt from make_capi_fixture), and every misuse returns an error with a message. */
#include "maple/maple_predictor.h"

#include <math.h>
#include <pthread.h>
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

#ifdef __cplusplus
static const char* kLanguage = "cxx"; /* test_capi and test_capi_cxx may run at once: own files */
#else
static const char* kLanguage = "c";
#endif
static const char* kArch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

/* Several threads predict on one handle at once; each also provokes its own error, which must not
 * show up in another thread's maple_last_error(). */
struct Job {
  const maple_predictor* p;
  const int32_t* codes;
  const double* want;
  size_t n;
  int ok;
};

static void* predictConcurrently(void* arg) {
  struct Job* job = (struct Job*)arg;
  double got[200];
  job->ok = 1;
  for (int round = 0; round < 20; ++round) {
    if (maple_predictor_predict_codes(job->p, job->codes, job->n, got) != 0 || strlen(maple_last_error()) != 0) job->ok = 0;
    for (size_t i = 0; i < job->n; ++i)
      if (got[i] != job->want[i]) job->ok = 0;
  }
  int32_t outside = -1;
  if (maple_predictor_predict_codes(job->p, &outside, 1, got) != -1 || strlen(maple_last_error()) == 0) job->ok = 0;
  return NULL;
}

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

  {
    double same[200];
    CHECK(maple_predictor_predict_codes(p, codes, n, same) == 0);
    struct Job jobs[4];
    pthread_t threads[4];
    for (int t = 0; t < 4; ++t) {
      struct Job job = {p, codes, same, n, 0};
      jobs[t] = job;
      CHECK(pthread_create(&threads[t], NULL, predictConcurrently, &jobs[t]) == 0);
    }
    for (int t = 0; t < 4; ++t) {
      pthread_join(threads[t], NULL);
      CHECK(jobs[t].ok);
    }
    CHECK(strlen(maple_last_error()) == 0); /* the threads' errors stayed theirs */
  }

  double two[2];
  CHECK(maple_predictor_predict_strings(p, archs, 2, two) == 0);
  int32_t code = maple_arch_code(kArch);
  CHECK(maple_predictor_predict_codes(p, &code, 1, &one) == 0 && one == two[0]);
  CHECK(two[0] > two[1]); /* three 3x3 convolutions cost more than an empty cell */

  const char* bad[1] = {"|nor_conv_3x3~0|"};
  CHECK(maple_predictor_predict_strings(p, bad, 1, &one) == -1 && strstr(maple_last_error(), "architecture 0") != NULL);
  int32_t outside = 15625;
  CHECK(maple_predictor_predict_codes(p, &outside, 1, &one) == -1 && strlen(maple_last_error()) > 0);

  /* API 2: adapting makes a new handle; the pool-trained one needs descriptor values for specs. */
  maple_predictor* pool = NULL;
  snprintf(path, sizeof path, "%s/pool.maplepred", argv[1]);
  pool = maple_predictor_open(path);
  CHECK(pool != NULL);
  if (!pool) return 1;
  CHECK(maple_predictor_adapt(pool, "unseen", NULL, NULL, 0, NULL, NULL, 0) == NULL &&
        strstr(maple_last_error(), "descriptor") != NULL);
  maple_predictor* adapted = maple_predictor_adapt(pool, "unseen", NULL, NULL, 0, names, values, 2);
  CHECK(adapted != NULL);
  if (!adapted) return 1;
  CHECK(strcmp(maple_predictor_device(adapted), "unseen") == 0 && strcmp(maple_predictor_device(pool), "") == 0);
  CHECK(maple_predictor_predict_codes(adapted, codes, n, got) == 0);
  for (size_t i = 0; i < n; ++i) CHECK(fabs(got[i] - want[i]) <= 1e-12 * fabs(want[i]));
  CHECK(maple_predictor_adapt(adapted, "again", NULL, NULL, 0, names, values, 2) == NULL &&
        strstr(maple_last_error(), "already") != NULL);
  const double slow[2] = {0.0, 1.0};
  CHECK(maple_predictor_adapt(pool, "x", codes, slow, 2, names, values, 2) == NULL &&
        strstr(maple_last_error(), "positive") != NULL);

  /* Shots move predictions towards them: the device is 1.8 times slower than its descriptor says.
   * (The fixture's codes are multiples of 125, cells whose output node receives nothing, all alike:
   * shots need live cells.) */
  {
    int32_t shotCodes[16];
    double zero[16], measured[16], after[16], before = 0, afterErr = 0;
    for (int k = 0; k < 16; ++k) shotCodes[k] = (int32_t)((1 + 997 * k) % 15625);
    CHECK(maple_predictor_predict_codes(adapted, shotCodes, 16, zero) == 0);
    for (int k = 0; k < 16; ++k) measured[k] = 1.8 * zero[k];
    maple_predictor* shot = maple_predictor_adapt(pool, "unseen", shotCodes, measured, 16, names, values, 2);
    CHECK(shot != NULL && maple_predictor_predict_codes(shot, shotCodes, 16, after) == 0);
    for (int k = 0; k < 16; ++k) {
      before += fabs(log(zero[k] / measured[k]));
      afterErr += fabs(log(after[k] / measured[k]));
    }
    CHECK(afterErr < before);
    maple_predictor_close(shot);
  }

  /* Uncertainty: one value per prediction, or -1 naming the method that has none. */
  double spread[200];
  if (maple_predictor_spread_codes(adapted, codes, n, spread) == 0) {
    for (size_t i = 0; i < n; ++i) CHECK(spread[i] >= 0 && isfinite(spread[i]));
  } else {
    CHECK(strstr(maple_last_error(), "uncertainty") != NULL);
  }

  /* Save writes what was adapted; it refuses to replace a file unless asked. */
  snprintf(path, sizeof path, "%s/adapted-by-%s.maplepred", argv[1], kLanguage);
  remove(path);
  CHECK(maple_predictor_save(adapted, path, 0) == 0);
  CHECK(maple_predictor_save(adapted, path, 0) == -1 && strstr(maple_last_error(), "exists") != NULL);
  CHECK(maple_predictor_save(adapted, path, 1) == 0);
  maple_predictor* reopened = maple_predictor_open(path);
  CHECK(reopened != NULL && strcmp(maple_predictor_device(reopened), "unseen") == 0);
  CHECK(reopened && maple_predictor_predict_codes(reopened, codes, n, got) == 0);
  for (size_t i = 0; i < n; ++i) CHECK(fabs(got[i] - want[i]) <= 1e-12 * fabs(want[i]));
  maple_predictor_close(reopened);
  remove(path);

  char text[128];
  CHECK(maple_arch_string(code, text, sizeof text) == (int)strlen(kArch) && strcmp(text, kArch) == 0);
  CHECK(maple_arch_string(code, text, 5) == (int)strlen(kArch) && strlen(text) == 4);
  CHECK(maple_arch_string(15625, text, sizeof text) == -1);

  /* NAS-Bench-201 indices: through the index table the file carries (index i -> (7i + 3) mod 15625). */
  const int64_t indices[] = {0, 1, 15624};
  int32_t mapped[3] = {-1, -1, -1};
  CHECK(maple_predictor_index_codes(p, indices, 3, mapped) == -1 && strstr(maple_last_error(), "no NAS-Bench-201 index table") != NULL);
  snprintf(path, sizeof path, "%s/indexed.maplepred", argv[1]);
  maple_predictor* indexed = maple_predictor_open(path);
  CHECK(indexed != NULL && maple_predictor_index_codes(indexed, indices, 3, mapped) == 0);
  CHECK(mapped[0] == 3 && mapped[1] == 10 && mapped[2] == (7 * 15624 + 3) % 15625);
  const int64_t pastTheSpace = 15625;
  CHECK(maple_predictor_index_codes(indexed, &pastTheSpace, 1, mapped) == -1 && strstr(maple_last_error(), "outside") != NULL);
  maple_predictor_close(indexed);
  maple_predictor_close(adapted);
  maple_predictor_close(pool);
  maple_predictor_close(p);

  if (failures) fprintf(stderr, "%d checks failed\n", failures);
  else printf("C API: all checks passed (%zu predictions equal the C++ API's)\n", n);
  return failures ? 1 : 0;
}
