package dev.hearth.bundle.platform;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's {@code WWW-Authenticate: Bearer realm="...",service="...",scope="..."} challenge (RFC 6750 section 3,
 * the distribution token spec): where to ask for a token, for which service and which scopes. Parsed by RFC 7235's
 * grammar, since a header may hold several challenges ({@code Basic realm="x", Bearer realm="y"}) and a quoted value
 * may hold commas ({@code scope="repository:a:pull,push"}) and backslash escapes.
 */
record BearerChallenge(String realm, String service, List<String> scopes, String error) {

    /** The first Bearer challenge with a realm among the header values, empty when there is none. */
    static Optional<BearerChallenge> in(List<String> headers) {
        for (String header : headers) {
            for (Map.Entry<String, Map<String, String>> challenge :
                    new Parser(header).challenges().entrySet()) {
                Map<String, String> params = challenge.getValue();
                if (challenge.getKey().equals("bearer") && params.containsKey("realm")) {
                    String scope = params.getOrDefault("scope", "").trim();
                    return Optional.of(new BearerChallenge(
                            params.get("realm"),
                            params.get("service"),
                            scope.isEmpty() ? List.of() : List.of(scope.split(" +")),
                            params.get("error")));
                }
            }
        }
        return Optional.empty();
    }

    /** For a message: the scopes asked for. */
    String scopeText() {
        return scopes.isEmpty() ? "no scope" : "scope " + String.join(" ", scopes);
    }

    /**
     * {@code challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]}, the list comma-separated: each element is
     * either {@code name=value} (a parameter of the challenge before it) or a scheme, perhaps followed by its token68
     * or its first parameter.
     */
    private static final class Parser {
        private static final String SEPARATORS = "()<>@,;:\\\"/[]?={} \t";
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        /** Scheme (lower case) to its parameters (names lower case); of a repeated scheme the first counts. */
        Map<String, Map<String, String>> challenges() {
            Map<String, Map<String, String>> challenges = new LinkedHashMap<>();
            Map<String, String> current = new HashMap<>(); // parameters before any scheme are dropped
            while (true) {
                skip(", \t");
                String first = token();
                if (first.isEmpty()) {
                    return challenges; // the end, or not a challenge: what was read so far is all
                }
                skip(" \t");
                if (!parameter(first, current)) {
                    current = new LinkedHashMap<>();
                    challenges.putIfAbsent(first.toLowerCase(Locale.ROOT), current);
                    String name = token();
                    skip(" \t");
                    if (name.isEmpty() || !parameter(name, current)) {
                        toNextComma(); // a token68, which Bearer does not use
                    }
                }
                skip(" \t");
                toNextComma();
            }
        }

        /** {@code = value} after {@code name}, into {@code params}; false (nothing read) when none follows. */
        private boolean parameter(String name, Map<String, String> params) {
            int start = at;
            if (!peek('=')) {
                return false;
            }
            at++;
            skip(" \t");
            if (at >= text.length() || peek('=') || peek(',')) {
                at = start; // "abc==": a token68's padding, not a parameter
                return false;
            }
            params.putIfAbsent(name.toLowerCase(Locale.ROOT), peek('"') ? quoted() : token());
            return true;
        }

        private String token() {
            int start = at;
            while (at < text.length()
                    && text.charAt(at) > ' '
                    && text.charAt(at) < 127
                    && SEPARATORS.indexOf(text.charAt(at)) < 0) {
                at++;
            }
            return text.substring(start, at);
        }

        private String quoted() {
            StringBuilder value = new StringBuilder();
            at++;
            while (at < text.length() && text.charAt(at) != '"') {
                if (text.charAt(at) == '\\' && at + 1 < text.length()) {
                    at++;
                }
                value.append(text.charAt(at++));
            }
            at++;
            return value.toString();
        }

        private void toNextComma() {
            while (at < text.length() && text.charAt(at) != ',') {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void skip(String chars) {
            while (at < text.length() && chars.indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }
    }
}
