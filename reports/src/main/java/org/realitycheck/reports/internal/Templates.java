package org.realitycheck.reports.internal;

import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.Map;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

/**
 * The reports' Mustache templates (mustache.java), read from the class path under
 * {@code org/realitycheck/reports/}. {@code {{x}}} HTML-escapes (&amp; &lt; &gt; &quot; ' ` =), so every
 * string from a result, a card or a user is escaped unless a template says otherwise; the only
 * unescaped values ({@code {{{uri}}}}) are PNG data URIs this module builds itself from base64.
 */
public final class Templates {
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("org/realitycheck/reports");

    private Templates() {
    }

    /**
     * @param name the template, e.g. {@code report.mustache}
     * @param scope the view: maps, lists, strings and booleans only
     * @return the rendered text
     */
    public static String render(String name, Map<String, Object> scope) {
        Mustache m = FACTORY.compile(name);
        StringWriter out = new StringWriter(1 << 16);
        m.execute(out, scope);
        try {
            out.flush();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("rendering " + name + " failed", e));
        }
        return out.toString();
    }
}
