package org.gridatlas.engine.lookup.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AddressTextTest {
    @Test
    void numbersWrittenInChineseBeforeAnAddressWordBecomeDigits() {
        assertEquals("建设里小区3号楼2单元", AddressText.normalise("建设里小区三号楼二单元"));
        assertEquals("文化路128号", AddressText.normalise("文化路一百二十八号"));
        assertEquals("12层", AddressText.normalise("十二层"));
        assertEquals("20栋", AddressText.normalise("二十栋"));
        assertEquals("108室", AddressText.normalise("一百零八室"));
        assertEquals("2单元", AddressText.normalise("两单元"));
        assertEquals("128号", AddressText.normalise("一二八号"));
    }

    @Test
    void numbersThatAreNamesStay() {
        assertEquals("五一路3号", AddressText.normalise("五一路3号"));
        assertEquals("三里河", AddressText.normalise("三里河"));
    }

    @Test
    void fullWidthSpacesDashesAndTraditionalFormsAreMadeOne() {
        assertEquals("建设里3-2-401", AddressText.normalise("建设里　３－２—４０１"));
        assertEquals("3号楼2单元", AddressText.normalise("3號樓2單元"));
        assertEquals("128-1号", AddressText.normalise("128之1号"));
        assertEquals("a座", AddressText.normalise("Ａ座"));
        assertEquals("阳光花园二期3号楼", AddressText.normalise("阳光花园2期三号楼"), "a phase is part of the name, in Chinese");
    }

    @Test
    void chineseNumbersReadAsPeopleWriteThem() {
        assertEquals(10, AddressText.chineseNumber("十"));
        assertEquals(15, AddressText.chineseNumber("十五"));
        assertEquals(40, AddressText.chineseNumber("四十"));
        assertEquals(1002, AddressText.chineseNumber("一千零二"));
        assertEquals(-1, AddressText.chineseNumber("三里"));
    }
}
