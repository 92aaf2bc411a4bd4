# Run by ctest before the cases (the fixture newsdex-work): forgets the folders built once by
# the previous run (test::built_once's stamps) and the command files of its processes.
if(NOT WORK)
  message(FATAL_ERROR "usage: cmake -D WORK=<tests work folder> -P reset_work.cmake")
endif()
file(GLOB stale "${WORK}/*.built" "${WORK}/cmd-*")
if(stale)
  file(REMOVE_RECURSE ${stale})
endif()
