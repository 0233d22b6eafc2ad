/* The floor: what rendering every page with libcmark-gfm and writing one file per page costs,
 * with nothing else (no front matter, no templates, no indexes). Single-threaded, as the
 * library is not thread-safe.
 *
 * usage: floor BODIES_DIR OUT_DIR N     (reads BODIES_DIR/<i>.md, writes OUT_DIR/<i>/index.html)
 */
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *read_file(const char *path, size_t *length) {
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *buffer = malloc((size_t)size + 1);
    *length = fread(buffer, 1, (size_t)size, file);
    fclose(file);
    return buffer;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: floor BODIES OUT N\n"); return 64; }
    int count = atoi(argv[3]);
    const char *names[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
    int options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8;
    cmark_gfm_core_extensions_ensure_registered();
    mkdir(argv[2], 0755);
    char path[4096];
    for (int i = 1; i <= count; i++) {
        size_t length = 0;
        snprintf(path, sizeof path, "%s/%d.md", argv[1], i);
        char *text = read_file(path, &length);
        if (!text) { perror(path); return 1; }
        cmark_parser *parser = cmark_parser_new(options);
        for (size_t e = 0; e < sizeof names / sizeof *names; e++)
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(names[e]));
        cmark_parser_feed(parser, text, length);
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
        snprintf(path, sizeof path, "%s/%d", argv[2], i);
        mkdir(path, 0755);
        snprintf(path, sizeof path, "%s/%d/index.html", argv[2], i);
        FILE *out = fopen(path, "wb");
        if (!out) { perror(path); return 1; }
        fputs(html, out);
        fclose(out);
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
        free(text);
    }
    return 0;
}
