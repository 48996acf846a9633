package org.gridatlas.engine.lookup.address;

import java.util.Arrays;
import java.util.List;

/**
 * The gazetteer's names by their characters, so the names starting at a place in a text are found
 * in one walk along it rather than by looking up every length of text from there.
 */
final class NameTrie {
    /**
     * A name's last character: the name, the places it names, and whether it is more than a short
     * form (安居 for 安居小区).
     */
    static final class Node {
        private char[] keys = {};
        private Node[] children = {};
        String name;
        List<Gazetteer.NameRef> refs;
        boolean ownName;

        /** Weak evidence on its own: two characters (徐庄, 大道) or only a short form. */
        boolean weak() {
            return name.length() < 3 || !ownName;
        }

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at < 0 ? null : children[at];
        }

        private Node add(char c) {
            int at = Arrays.binarySearch(keys, c);
            if (at >= 0) return children[at];
            at = -at - 1;
            char[] k = new char[keys.length + 1];
            Node[] n = new Node[keys.length + 1];
            System.arraycopy(keys, 0, k, 0, at);
            System.arraycopy(children, 0, n, 0, at);
            System.arraycopy(keys, at, k, at + 1, keys.length - at);
            System.arraycopy(children, at, n, at + 1, keys.length - at);
            k[at] = c;
            n[at] = new Node();
            keys = k;
            children = n;
            return n[at];
        }
    }

    final Node root = new Node();

    void add(String name, List<Gazetteer.NameRef> refs) {
        Node n = root;
        for (int i = 0; i < name.length(); i++) n = n.add(name.charAt(i));
        n.name = name;
        n.refs = refs;
        n.ownName = refs.stream().anyMatch(r -> r.form() != Gazetteer.Form.SHORT);
    }
}
