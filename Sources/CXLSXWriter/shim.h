#ifndef RECTIFY_CXLSXWRITER_SHIM_H
#define RECTIFY_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
