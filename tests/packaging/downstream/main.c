/* Opens a predictor file and prints the API version and the file's method (or why it cannot). */
#include <maple/maple_predictor.h>
#include <stdio.h>

int main(int argc, char** argv) {
  printf("api %d\n", maple_predictor_api_version());
  if (argc < 2) return 0;
  maple_predictor* p = maple_predictor_open(argv[1]);
  if (!p) {
    printf("refused: %s\n", maple_last_error());
    return 3;
  }
  printf("kind %s\n", maple_predictor_descriptor_kind(p));
  maple_predictor_close(p);
  return 0;
}
