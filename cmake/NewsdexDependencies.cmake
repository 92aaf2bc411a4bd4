# Third-party libraries, each found once and exposed as an imported target.

# Xapian 1.4's CMake config sets variables only: wrap them in a target.
find_package(xapian 1.4 REQUIRED CONFIG)
if(NOT TARGET Xapian::Xapian)
  add_library(Xapian::Xapian UNKNOWN IMPORTED)
  set_target_properties(Xapian::Xapian PROPERTIES
    IMPORTED_LOCATION "${XAPIAN_SHARED_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}")
endif()

find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(simdjson REQUIRED CONFIG)
