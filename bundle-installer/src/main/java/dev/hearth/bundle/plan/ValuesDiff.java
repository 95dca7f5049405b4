package dev.hearth.bundle.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** The values that differ between two releases, one line per leaf, secret-looking keys masked. */
public final class ValuesDiff {
    static final String MASK = "(masked)";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|credential|private|key)$");

    private ValuesDiff() {}

    public static List<String> between(JsonNode before, JsonNode after) {
        Map<String, JsonNode> old = leaves(before);
        Map<String, JsonNode> wanted = leaves(after);
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(wanted.keySet());
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            JsonNode a = old.get(path);
            JsonNode b = wanted.get(path);
            if (a == null || b == null || !a.equals(b)) {
                lines.add(path + ": " + shown(path, a) + " -> " + shown(path, b));
            }
        }
        return lines;
    }

    private static String shown(String path, JsonNode value) {
        if (value == null) {
            return "(none)";
        }
        String key = path.substring(path.lastIndexOf('.') + 1);
        return SECRET.matcher(key).matches() ? MASK : value.toString();
    }

    private static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        collect("", node, leaves);
        return leaves;
    }

    private static void collect(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (!(node.isObject() && prefix.isEmpty())) {
            leaves.put(prefix.isEmpty() ? "." : prefix, node);
        }
    }
}
