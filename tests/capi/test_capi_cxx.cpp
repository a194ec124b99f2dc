// The same checks compiled as C++: the header works from both languages.
#include "test_capi.c"
