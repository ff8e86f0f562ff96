package dev.ekoolkit.mock.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the login and consent pages with plain form posts, like a browser without JavaScript. */
public final class LoginPageClient {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(login|csrf_token)\" value=\"([^\"]*)\">");

    private final URI base;
    private String cookie;
    private String login;
    private String csrf;

    /** A client of the server at {@code base}. */
    public LoginPageClient(URI base) {
        this.base = base;
    }

    /** Reads the page's hidden fields and the browser cookie. */
    public HttpResponse<String> read(HttpResponse<String> page) {
        page.headers().firstValue("Set-Cookie").ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
        Matcher m = HIDDEN.matcher(page.body());
        while (m.find()) {
            if (m.group(1).equals("login")) {
                login = m.group(2);
            } else {
                csrf = m.group(2);
            }
        }
        return page;
    }

    /** Posts a form of the current login to {@code path}, with the cookie, login id and CSRF token. */
    public HttpResponse<String> post(String path, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", login);
        form.put("csrf_token", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] == null) {
                form.remove(fields[i]);
            } else {
                form.put(fields[i], fields[i + 1]);
            }
        }
        HttpResponse<String> r = cookie == null ? TestHttp.postForm(base.resolve(path), form)
                : TestHttp.postForm(base.resolve(path), form, "Cookie", cookie);
        return read(r);
    }

    /** The CSRF token of the last page read, or {@code null} if no page carried one. */
    public String csrfToken() {
        return csrf;
    }

    /** The browser cookie, {@code name=value}. */
    public String cookie() {
        return cookie;
    }

    /** Forgets the browser cookie, as another browser would not have it. */
    public void dropCookie() {
        cookie = null;
    }

    /** Asserts a 200 HTML page containing {@code fragment}. */
    public static void assertPage(HttpResponse<String> r, String fragment) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(r.body()).contains(fragment);
    }
}
