# Run after a Qt Test executable is built: writes one CTest test per test function (the way
# gtest_discover_tests does for GoogleTest), so a QSKIP marks exactly the function that needs the
# absent resource as skipped, and the functions that ran still count as passed.
# Inputs: EXE, NAME, OUT, WORKDIR, ENV (|-separated VAR=value), TIMEOUT.
string(REPLACE "|" ";" ENV "${ENV}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env ${ENV} ${EXE} -functions
                OUTPUT_VARIABLE _out ERROR_VARIABLE _err RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "${EXE} -functions failed (${_rc}): ${_err}")
endif()
string(REPLACE "\n" ";" _lines "${_out}")
set(_text "# Generated from ${EXE} -functions; do not edit.\n")
set(_count 0)
foreach(_line IN LISTS _lines)
  if(NOT _line MATCHES "^([A-Za-z_][A-Za-z0-9_]*)\\(\\)$")
    continue()
  endif()
  set(_fn "${CMAKE_MATCH_1}")
  set(_test "${NAME}::${_fn}")
  math(EXPR _count "${_count} + 1")
  string(APPEND _text
    "add_test([==[${_test}]==] [==[${EXE}]==] [==[${_fn}]==])\n"
    "set_tests_properties([==[${_test}]==] PROPERTIES WORKING_DIRECTORY [==[${WORKDIR}]==]"
    " ENVIRONMENT [==[${ENV}]==] TIMEOUT ${TIMEOUT}"
    # Qt Test prints "SKIP   : Class::function() reason" for a QSKIP (in the function or in
    # initTestCase); such a run exits 0 and would otherwise count as passed.
    " SKIP_REGULAR_EXPRESSION [==[SKIP   : ]==])\n")
endforeach()
if(_count EQUAL 0)
  message(FATAL_ERROR "${EXE} -functions listed no test functions:\n${_out}")
endif()
file(WRITE "${OUT}" "${_text}")
