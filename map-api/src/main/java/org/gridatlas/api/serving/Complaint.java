package org.gridatlas.api.serving;

import java.util.List;
import java.util.SplittableRandom;
import org.gridatlas.store.ReportSource;

/** What residents report, the share of all reports each kind has, and the words they put it in. */
record Complaint(String category, double share, String words) {
    static final List<Complaint> ALL = List.of(
            new Complaint("垃圾", 0.24, "垃圾堆放未清运"),
            new Complaint("占道经营", 0.14, "有人占道经营"),
            new Complaint("噪音", 0.12, "夜间施工噪音扰民"),
            new Complaint("违章停车", 0.12, "车辆乱停堵住消防通道"),
            new Complaint("路灯", 0.10, "路灯不亮"),
            new Complaint("井盖", 0.08, "井盖缺失"),
            new Complaint("漏水", 0.08, "管道漏水"),
            new Complaint("违建", 0.07, "私搭乱建"),
            new Complaint("绿化", 0.05, "绿地被毁"));

    /** Who reports: 12345 nearly half the time, WeChat three in ten, grid workers one in five, patrols the rest. */
    static ReportSource source(SplittableRandom rnd) {
        double x = rnd.nextDouble();
        return x < 0.45
                ? ReportSource.HOTLINE_12345
                : x < 0.75 ? ReportSource.WECHAT : x < 0.95 ? ReportSource.GRID_WORKER : ReportSource.PATROL;
    }

    static Complaint pick(SplittableRandom rnd) {
        double x = rnd.nextDouble();
        for (Complaint c : ALL) {
            if (x < c.share()) return c;
            x -= c.share();
        }
        return ALL.get(0);
    }

    /** The report's text as its source writes it, naming the place when there is an address. */
    String text(ReportSource source, String address) {
        String who = switch (source) {
            case HOTLINE_12345 -> "12345市民来电反映：";
            case WECHAT -> "微信随手拍：";
            case GRID_WORKER -> "网格员巡查发现：";
            case PATROL -> "巡逻发现：";
            case OTHER -> "";
        };
        return who + (address == null ? "" : address) + words;
    }
}
