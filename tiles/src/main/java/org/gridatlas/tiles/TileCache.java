package org.gridatlas.tiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * Rendered tiles kept in memory up to a byte budget, least recently used out first, each with an
 * ETag of its content. {@link #invalidate(Envelope)} drops exactly the tiles an area touches.
 */
public final class TileCache {
    /** A cached tile; {@code bytes} null for an empty tile. */
    public record Entry(TileId tile, byte[] bytes, String etag) {}

    private final long maxBytes;
    private final Map<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    public TileCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached tile for the key, rendering and storing it on a miss. */
    public Entry get(String variant, TileId tile, Supplier<byte[]> render) {
        String key = variant + "|" + tile;
        synchronized (this) {
            Entry e = entries.get(key);
            if (e != null) {
                hits++;
                return e;
            }
            misses++;
        }
        byte[] b = render.get();
        Entry e = new Entry(tile, b, etag(b));
        synchronized (this) {
            Entry old = entries.put(key, e);
            if (old != null) bytes -= size(old);
            bytes += size(e);
            for (Iterator<Entry> it = entries.values().iterator(); bytes > maxBytes && it.hasNext(); ) {
                Entry victim = it.next();
                bytes -= size(victim);
                it.remove();
            }
        }
        return e;
    }

    /** Drops every cached tile whose bounds intersect the lon/lat area; returns how many. */
    public synchronized int invalidate(Envelope lonLat) {
        int n = 0;
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.tile().lonLat().intersects(lonLat)) {
                bytes -= size(e);
                it.remove();
                n++;
            }
        }
        return n;
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    private static long size(Entry e) {
        return 64 + (e.bytes() == null ? 0 : e.bytes().length);
    }

    static String etag(byte[] b) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(b == null ? "empty".getBytes(StandardCharsets.US_ASCII) : b);
            return "\"" + HexFormat.of().formatHex(d, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
