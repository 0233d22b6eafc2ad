#ifndef RECTIFY_CYAML_SHIM_H
#define RECTIFY_CYAML_SHIM_H
#include <yaml.h>
#endif
