/// `sitemap.xml` and `robots.txt`. A sitemap lists absolute URLs, so with `base_url` in
/// site.yml the URLs are absolute; without it they are relative to the site root (enough for
/// an intranet crawler that is given the sitemap's own URL).
struct Sitemap {
    let paths: [String]
    let baseURL: String?

    func url(_ path: String) -> String {
        guard let baseURL else { return path }
        return (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + path
    }

    var xml: String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"]
        for path in paths {
            lines.append("<url><loc>\(XMLText.escaped(url(path)))</loc></url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    var robots: String {
        var text = "User-agent: *\nAllow: /\n"
        if baseURL != nil { text += "Sitemap: \(url("sitemap.xml"))\n" }
        return text
    }
}
