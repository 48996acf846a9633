package org.gridatlas.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.gridatlas.engine.model.Grid;
import org.gridatlas.engine.model.GridCode;
import org.gridatlas.engine.model.GridKind;
import org.gridatlas.engine.model.GridLevel;
import org.gridatlas.store.StaffMember;

/**
 * The demo's people on its grids, made up and deterministic: on every grid a chief (网格长) and one
 * worker (网格员) per 300 households, and the other departments' people — a police officer (网格警)
 * and a city-management officer per community, a party secretary per grid with its branch.
 */
final class DemoStaff {
    private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final String GIVEN = "建国芳伟秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰志红玉华文海燕宁晨";

    private DemoStaff() {}

    static List<StaffMember> of(List<Grid> grids, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<StaffMember> out = new ArrayList<>();
        Set<String> communities = new HashSet<>();
        for (Grid g : grids) {
            if (g.level() != GridLevel.GRID) continue;
            out.add(new StaffMember(g.code(), StaffMember.CHIEF, name(rnd), phone(rnd)));
            for (int i = 0; i < Math.max(1, g.households() / 300); i++)
                out.add(new StaffMember(g.code(), StaffMember.WORKER, name(rnd), phone(rnd)));
            if (g.kind() != GridKind.DEDICATED)
                out.add(new StaffMember(
                        g.code(),
                        StaffMember.PARTY_SECRETARY,
                        name(rnd),
                        phone(rnd),
                        "党群",
                        "第" + new GridCode(g.code()).sequence() + "网格党支部"));
            // one officer of each kind for a community, on its first grid
            if (communities.add(g.communityCode())) {
                out.add(new StaffMember(g.code(), "police_officer", name(rnd), phone(rnd), "公安", null));
                out.add(new StaffMember(g.code(), "city_officer", name(rnd), phone(rnd), "城管", null));
            }
        }
        return out;
    }

    private static String name(SplittableRandom rnd) {
        String n = "" + SURNAMES.charAt(rnd.nextInt(SURNAMES.length())) + GIVEN.charAt(rnd.nextInt(GIVEN.length()));
        return rnd.nextBoolean() ? n + GIVEN.charAt(rnd.nextInt(GIVEN.length())) : n;
    }

    private static String phone(SplittableRandom rnd) {
        return "13" + (5 + rnd.nextInt(5)) + String.format("%08d", rnd.nextInt(100_000_000));
    }
}
