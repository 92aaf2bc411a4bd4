# Writes a program's man page from its --help and --version (cmake -P, at build time):
#   cmake -DPROGRAM=path -DNAME=newsdex-search -DSUMMARY="..." -DSEE_ALSO=a,b -DOUTPUT=x.1 -P
# The help text is kept as the program prints it (no-fill, so its aligned columns stay
# aligned); the first line, "Usage: ...", is the synopsis. help2man re-flows such text into
# option tables and mangles it.
execute_process(COMMAND "${PROGRAM}" --help OUTPUT_VARIABLE help RESULT_VARIABLE help_status)
execute_process(COMMAND "${PROGRAM}" --version OUTPUT_VARIABLE version
                OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE version_status)
if(NOT help_status EQUAL 0 OR NOT version_status EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} --help or --version failed")
endif()

# roff: a backslash is \e, a hyphen \- (else groff prints a Unicode hyphen that does not
# paste into a shell), and a line starting with . or ' would be a request.
function(roff_escape text out)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "-" "\\-" text "${text}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")
  set(${out} "${text}" PARENT_SCOPE)
endfunction()

string(REGEX MATCH "^Usage: ([^\n]*)\n" synopsis_line "${help}")
set(synopsis "${CMAKE_MATCH_1}")
string(REGEX REPLACE "^Usage: [^\n]*\n" "" description "${help}")
roff_escape("${synopsis}" synopsis)
roff_escape("${description}" description)
roff_escape("${SUMMARY}" summary)
string(REGEX REPLACE "^[^ ]+ ([^ ]+) .*$" "\\1" number "${version}")

set(see_also "")
string(REPLACE "," ";" others "${SEE_ALSO}")
foreach(other IN LISTS others)
  string(REPLACE "-" "\\-" other "${other}")
  list(APPEND see_also "\\fB${other}\\fR(1)")
endforeach()
list(JOIN see_also ", " see_also)
string(TOUPPER "${NAME}" title)
string(REPLACE "-" "\\-" name "${NAME}")

file(WRITE "${OUTPUT}" ".TH ${title} 1 \"\" \"newsdex ${number}\" \"User Commands\"
.SH NAME
${name} \\- ${summary}
.SH SYNOPSIS
.nf
${synopsis}
.fi
.SH DESCRIPTION
.nf
${description}
.fi
.SH VERSION
${version}
.SH SEE ALSO
${see_also}
")
