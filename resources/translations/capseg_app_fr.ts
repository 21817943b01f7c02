<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../capseg_desktop/gui/language.py" line="36"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/language.py" line="41"/>
        <source>Follow the &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../capseg_desktop/i18n_qt.py" line="34"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/i18n_qt.py" line="35"/>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
</TS>
