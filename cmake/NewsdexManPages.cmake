# newsdex_man_page(TARGET SUMMARY SEE_ALSO...): TARGET's man page, section 1, made from its
# --help after each build of it (cmake/NewsdexManPage.cmake) and installed with it.
function(newsdex_man_page target summary)
  set(page "${CMAKE_BINARY_DIR}/man/${target}.1")
  list(JOIN ARGN "," see_also)  # a list would split the command's argument
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -DPROGRAM=$<TARGET_FILE:${target}> -DNAME=${target}
            "-DSUMMARY=${summary}" "-DSEE_ALSO=${see_also}" -DOUTPUT=${page}
            -P ${PROJECT_SOURCE_DIR}/cmake/NewsdexManPage.cmake
    COMMENT "Writing the man page of ${target}"
    VERBATIM)
  install(FILES "${page}" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endfunction()
