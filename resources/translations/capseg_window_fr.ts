<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>BatchController</name>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="90"/>
        <source>Stop the batch?</source>
        <extracomment>Batch analyses kept in memory so that choosing a row, or a parameter change, needs no new inference. A parameter change recounts the batch rows in slices of this many milliseconds. Replays an image&apos;s saved hand corrections on its count (set by the window&apos;s editing).</extracomment>
        <translation>Arrêter le lot&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="91"/>
        <source>A batch is running (%1 of %2 images done). Quit and stop it? The images not yet analysed will not be counted.</source>
        <translation>Un lot est en cours (%1 images traitées sur %2). Quitter et l&apos;arrêter&#xa0;? Les images pas encore analysées ne seront pas comptées.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="100"/>
        <source>Open folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="113"/>
        <source>Folder not opened</source>
        <translation>Dossier non ouvert</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="113"/>
        <source>The folder &quot;%1&quot; could not be read.</source>
        <translation>Le dossier «&#xa0;%1&#xa0;» n&apos;a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="116"/>
        <source>No images</source>
        <translation>Aucune image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="116"/>
        <source>The folder &quot;%1&quot; holds no PNG, JPEG, TIFF or BMP images.</source>
        <translation>Le dossier «&#xa0;%1&#xa0;» ne contient aucune image PNG, JPEG, TIFF ou BMP.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="123"/>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="123"/>
        <source>Load a model first (Model &gt; Load model…); then open the folder again.</source>
        <translation>Chargez d&apos;abord un modèle (Modèle &gt; Charger un modèle…), puis rouvrez le dossier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="131"/>
        <source>Analysing %n images in %1…</source>
        <translation>
            <numerusform>Analyse de %n image dans %1…</numerusform>
            <numerusform>Analyse de %n images dans %1…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="157"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="201"/>
        <source>The batch stopped</source>
        <translation>Le lot s&apos;est arrêté</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="278"/>
        <source>%1 of %2 images counted, %n capillaries</source>
        <translation>
            <numerusform>%1 images comptées sur %2, %n capillaire</numerusform>
            <numerusform>%1 images comptées sur %2, %n capillaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="280"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="283"/>
        <source>%n counted with other parameters</source>
        <translation>
            <numerusform>%n comptée avec d&apos;autres paramètres</numerusform>
            <numerusform>%n comptées avec d&apos;autres paramètres</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/controller.py" line="285"/>
        <source>%1 (cancelled)</source>
        <translation>%1 (annulé)</translation>
    </message>
</context>
<context>
    <name>BatchPanel</name>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="25"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="25"/>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="25"/>
        <source>Density (/mm)</source>
        <translation>Densité (/mm)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="26"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="30"/>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="31"/>
        <source>analysing…</source>
        <translation>analyse…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="32"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="33"/>
        <source>cancelled</source>
        <translation>annulée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="34"/>
        <source>counted with other parameters</source>
        <translation>comptée avec d&apos;autres paramètres</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="40"/>
        <source>no scale</source>
        <translation>sans échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="50"/>
        <source>Open a folder to analyse all its images.</source>
        <translation>Ouvrez un dossier pour en analyser toutes les images.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="51"/>
        <source>Batch summary</source>
        <translation>Résumé du lot</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="52"/>
        <source>Export summary CSV…</source>
        <translation>Exporter le résumé CSV…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="53"/>
        <source>Export the batch summary as CSV</source>
        <translation>Exporter le résumé du lot en CSV</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="56"/>
        <source>Batch results</source>
        <translation>Résultats du lot</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="57"/>
        <source>One row per image; choose a row to show that image.</source>
        <translation>Une ligne par image&#xa0;; choisissez une ligne pour afficher l&apos;image.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="80"/>
        <source>%1: %n images</source>
        <translation>
            <numerusform>%1&#xa0;: %n image</numerusform>
            <numerusform>%1&#xa0;: %n images</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="103"/>
        <source>warning: %1</source>
        <translation>avertissement&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="105"/>
        <source>Counted with other parameters than those on screen; Export summary analyses it again.</source>
        <translation>Comptée avec d&apos;autres paramètres que ceux affichés&#xa0;; l&apos;export du résumé l&apos;analyse à nouveau.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/batch/panel.py" line="109"/>
        <source>failed: %1</source>
        <translation>échec&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>BatchTask</name>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/background/tasks.py" line="249"/>
        <source>%n images analysed</source>
        <translation>
            <numerusform>%n image analysée</numerusform>
            <numerusform>%n images analysées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/scale_notes.py" line="16"/>
        <source>Smaller patches are ignored as noise.</source>
        <translation>Les taches plus petites sont ignorées comme du bruit.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/scale_notes.py" line="17"/>
        <source>Patches closer than this are counted as one capillary.</source>
        <translation>Les taches plus proches que cette distance comptent pour un seul capillaire.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/scale_notes.py" line="19"/>
        <source>In pixels at the model&apos;s scale (each image is resized to it before counting).</source>
        <extracomment>Counting pixels are the model&apos;s: each image is resized to the model&apos;s scale first.</extracomment>
        <translation>En pixels à l&apos;échelle du modèle (chaque image y est redimensionnée avant le comptage).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="34"/>
        <source>&amp;Threshold</source>
        <extracomment>Spin-box changes are gathered for this long so that holding an arrow key recounts once per pause, not once per step. (field of CountingParams, label, unit) of the parameters the panel edits.</extracomment>
        <translation>S&amp;euil</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="34"/>
        <source>Minimum &amp;area</source>
        <translation>Surface m&amp;inimale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="35"/>
        <source>&amp;Merge distance</source>
        <translation>Distance de f&amp;usion</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/scale_notes.py" line="29"/>
        <source>Resized ×%1 for the model; in this image&apos;s pixels (the table&apos;s): minimum area %2 px, merge distance %3 px.</source>
        <translation>Redimensionnée ×%1 pour le modèle&#xa0;; en pixels de cette image (ceux du tableau)&#xa0;: surface minimale %2 px, distance de fusion %3 px.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="106"/>
        <source>Capillary count</source>
        <extracomment>Table rows of capillaries made or changed by hand carry this role set to True.</extracomment>
        <translation>Nombre de capillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="111"/>
        <source>How hand corrections changed the count</source>
        <translation>Effet des corrections manuelles sur le comptage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="113"/>
        <source>Haemorrhages, never counted as capillaries</source>
        <translation>Hémorragies, jamais comptées comme capillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="118"/>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="339"/>
        <source>No image analysed yet.</source>
        <translation>Aucune image analysée pour l&apos;instant.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="122"/>
        <source>Capillary density</source>
        <translation>Densité capillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="127"/>
        <source>How the density was measured</source>
        <translation>Comment la densité a été mesurée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="131"/>
        <source>Distal row and density flag</source>
        <translation>Rangée distale et indicateur de densité</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="132"/>
        <source>Scale and where it comes from</source>
        <translation>Échelle et sa provenance</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="135"/>
        <source>Warnings about this analysis</source>
        <translation>Avertissements sur cette analyse</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="145"/>
        <source>Probability threshold</source>
        <translation>Seuil de probabilité</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="146"/>
        <source>A pixel counts as capillary when the model&apos;s probability is above this.</source>
        <translation>Un pixel est compté comme capillaire quand la probabilité donnée par le modèle dépasse ce seuil.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="151"/>
        <source>Minimum area in pixels</source>
        <translation>Surface minimale en pixels</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="158"/>
        <source>Merge distance in pixels</source>
        <translation>Distance de fusion en pixels</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="164"/>
        <source>not set</source>
        <translation>non définie</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="166"/>
        <source>Scale in micrometres per pixel</source>
        <translation>Échelle en micromètres par pixel</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="167"/>
        <source>The microscope&apos;s scale; with it, the density per millimetre is shown.</source>
        <translation>L&apos;échelle du microscope&#xa0;; une fois définie, la densité par millimètre s&apos;affiche.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="168"/>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="272"/>
        <source>Reset to model defaults</source>
        <translation>Valeurs du modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="170"/>
        <source>Reset counting parameters to the model&apos;s defaults</source>
        <translation>Remettre les paramètres de comptage aux valeurs par défaut du modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="195"/>
        <source>&amp;Scale</source>
        <translation>É&amp;chelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="209"/>
        <source>Counting</source>
        <translation>Comptage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="42"/>
        <source>Area (px)</source>
        <extracomment>#, Area, Flag, Loop, Apex, Arterial, Venous, Length, Shape, Box.</extracomment>
        <translation>Surface (px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="43"/>
        <source>Box x0, y0 – x1, y1</source>
        <translation>Cadre x0, y0 – x1, y1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="43"/>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="46"/>
        <source>Area in the pixels of the image as opened (as in the exported CSV and JSON).</source>
        <translation>Surface en pixels de l&apos;image telle qu&apos;ouverte (comme dans les exports CSV et JSON).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="47"/>
        <source>The loop&apos;s shape from its mask and centre line: hairpin; tortuous or crossing (non-specific); ramified (abnormal); not assessable (blurred, cut by the picture&apos;s edge, or a speck)</source>
        <translation>La forme de l’anse d’après son masque et sa ligne centrale&#xa0;: en épingle à cheveux&#xa0;; tortueuse ou croisée (non spécifique)&#xa0;; ramifiée (anormale)&#xa0;; non évaluable (floue, coupée par le bord de l’image, ou un point)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="57"/>
        <source>Capillaries</source>
        <translation>Capillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="58"/>
        <source>One row per counted capillary; selecting a row highlights it in the views.</source>
        <translation>Une ligne par capillaire compté&#xa0;; sélectionner une ligne le met en évidence dans les vues.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="262"/>
        <source>Changed from the model&apos;s recommendation (%1).</source>
        <translation>Modifié par rapport à la recommandation du modèle (%1).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="263"/>
        <source>As the model recommends (%1).</source>
        <translation>Conforme à la recommandation du modèle (%1).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="268"/>
        <source>Set threshold %1, minimum area %2 px, merge distance %3 px (the model card&apos;s recommendation); the scale stays.</source>
        <translation>Règle le seuil à %1, la surface minimale à %2 px et la distance de fusion à %3 px (recommandation de la fiche du modèle)&#xa0;; l&apos;échelle est conservée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="272"/>
        <source>Reset to model defaults (%n changed)</source>
        <translation>
            <numerusform>Valeurs du modèle (%n modifiée)</numerusform>
            <numerusform>Valeurs du modèle (%n modifiées)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="67"/>
        <source>Edited by hand (added, painted, merged or split); Ctrl+Z undoes the last edit.</source>
        <translation>Corrigé à la main (ajouté, peint, fusionné ou coupé)&#xa0;; Ctrl+Z annule la dernière correction.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="68"/>
        <source>Flagged by the clinician; Edit &gt; Loop flags &gt; Back to the automatic flags (Shift+A) lets the measures decide again.</source>
        <translation>Signalé par le clinicien&#xa0;; Édition &gt; Signalements des anses &gt; Revenir aux signalements automatiques (Maj+A) rend la décision aux mesures.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="98"/>
        <source>Flag</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="99"/>
        <source>Loop (%1)</source>
        <translation>Anse (%1)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="99"/>
        <source>Apex (%1)</source>
        <translation>Apex (%1)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="100"/>
        <source>Arterial (%1)</source>
        <translation>Artériel (%1)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="100"/>
        <source>Venous (%1)</source>
        <translation>Veineux (%1)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="101"/>
        <source>Length (%1)</source>
        <translation>Longueur (%1)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="110"/>
        <source>Dilated (vessel 20 µm or wider) or giant (50 µm or wider); blank without a scale: not assessed</source>
        <translation>Dilaté (vaisseau de 20 µm ou plus) ou mégacapillaire (50 µm ou plus)&#xa0;; vide sans échelle&#xa0;: non évalué</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="112"/>
        <source>Outer width of the loop at its widest, across its axis</source>
        <translation>Largeur externe de l&apos;anse à son maximum, perpendiculairement à son axe</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="113"/>
        <source>Vessel diameter at the apex</source>
        <translation>Diamètre du vaisseau à l&apos;apex</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="114"/>
        <source>Median diameter of the thinner limb</source>
        <translation>Diamètre médian de la branche la plus fine</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="115"/>
        <source>Median diameter of the wider limb</source>
        <translation>Diamètre médian de la branche la plus large</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="116"/>
        <source>Loop length along its axis</source>
        <translation>Longueur de l&apos;anse le long de son axe</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="129"/>
        <source>dilated</source>
        <translation>dilaté</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="129"/>
        <source>giant</source>
        <translation>mégacapillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="130"/>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="380"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="137"/>
        <source>%1 (clinician)</source>
        <translation>%1 (clinicien)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/capillary_table.py" line="155"/>
        <source>Haemorrhages: %1 (purple boxes H1, H2…; not counted as capillaries)</source>
        <translation>Hémorragies&#xa0;: %1 (cadres violets H1, H2…&#xa0;; non comptées comme capillaires)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="361"/>
        <source>Density: set the scale (µm/px)</source>
        <translation>Densité&#xa0;: définir l&apos;échelle (µm/px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="362"/>
        <source>to see capillaries per mm</source>
        <translation>pour voir les capillaires par mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="370"/>
        <source>%1 per mm</source>
        <translation>%1 par mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="373"/>
        <source>in a 1 mm window, x %1–%2 px</source>
        <translation>dans une fenêtre de 1 mm, x %1–%2 px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="377"/>
        <source>%1 mm wide at %2 µm/px</source>
        <translation>%1 mm de large à %2 µm/px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="380"/>
        <source>reduced (&lt; 7/mm)</source>
        <translation>réduite (&lt; 7/mm)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="385"/>
        <source>%n distal loops in the window</source>
        <translation>
            <numerusform>%n anse distale dans la fenêtre</numerusform>
            <numerusform>%n anses distales dans la fenêtre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="365"/>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="388"/>
        <source>distal row, %n loops</source>
        <translation>
            <numerusform>rangée distale, %n anse</numerusform>
            <numerusform>rangée distale, %n anses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="108"/>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="337"/>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="346"/>
        <source>capillaries seen (all rows)</source>
        <translation>
            <numerusform>capillaire vu (toutes rangées)</numerusform>
            <numerusform>capillaires vus (toutes rangées)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="394"/>
        <source>Capillaries per mm of the distal (outermost) row, the dashed line in the views; normal about 7–12 per mm, reduced below 7 (EULAR). The figures support, not replace, a clinician&apos;s reading.</source>
        <translation>Capillaires par mm de la rangée distale (la plus externe), la ligne en pointillés dans les vues&#xa0;; normale vers 7 à 12 par mm, réduite sous 7 (EULAR). Ces chiffres aident la lecture du clinicien, ils ne la remplacent pas.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="409"/>
        <source>%1 — model %2, %3</source>
        <translation>%1 — modèle %2, %3</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/count_panel.py" line="411"/>
        <source>The model counted %1; your corrections made it %2. Edit &gt; Undo (Ctrl+Z) takes them back one by one.</source>
        <translation>Le modèle en a compté %1&#xa0;; vos corrections donnent %2. Édition &gt; Annuler (Ctrl+Z) les retire une à une.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/scale_notes.py" line="40"/>
        <source>In pixels at the model&apos;s scale; this image was analysed at ×%1.</source>
        <translation>En pixels à l&apos;échelle du modèle&#xa0;; cette image a été analysée à ×%1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/scale_notes.py" line="43"/>
        <source>In pixels at the model&apos;s scale; this image was analysed at its own size (×1.00).</source>
        <translation>En pixels à l&apos;échelle du modèle&#xa0;; cette image a été analysée à sa taille d&apos;origine (×1,00).</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="28"/>
        <source>Saved the annotated image to %1.</source>
        <extracomment>The status bar&apos;s sentence for each thing saved (``what`` stays English: the signal and the log).</extracomment>
        <translation>Image annotée enregistrée dans %1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="29"/>
        <source>Saved the mask of counted capillaries to %1.</source>
        <translation>Masque des capillaires comptés enregistré dans %1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="30"/>
        <source>Saved the results to %1.</source>
        <translation>Résultats enregistrés dans %1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="31"/>
        <source>Saved the batch summary to %1.</source>
        <translation>Résumé du lot enregistré dans %1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="91"/>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export annulé&#xa0;: rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="80"/>
        <source>Replace file?</source>
        <translation>Remplacer le fichier&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="81"/>
        <source>&quot;%1&quot; already exists in &quot;%2&quot;. Do you want to replace it?</source>
        <translation>«&#xa0;%1&#xa0;» existe déjà dans «&#xa0;%2&#xa0;». Voulez-vous le remplacer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="97"/>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="169"/>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="97"/>
        <source>There is no result to export yet: open an image and wait for its count.</source>
        <translation>Aucun résultat à exporter pour l&apos;instant&#xa0;: ouvrez une image et attendez son comptage.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="113"/>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="118"/>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="117"/>
        <source>&quot;%1&quot; could not be written to &quot;%2&quot;.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas pu être écrit dans «&#xa0;%2&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="144"/>
        <source>Export annotated PNG</source>
        <translation>Exporter le PNG annoté</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="144"/>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="151"/>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="151"/>
        <source>Export mask PNG</source>
        <translation>Exporter le masque PNG</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="161"/>
        <source>Export results</source>
        <translation>Exporter les résultats</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="162"/>
        <source>Capillary table (*.csv);;Full result (*.json)</source>
        <translation>Tableau des capillaires (*.csv);;Résultat complet (*.json)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="169"/>
        <source>There is no batch result to export yet: open a folder first.</source>
        <translation>Aucun résultat de lot à exporter pour l&apos;instant&#xa0;: ouvrez d&apos;abord un dossier.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="174"/>
        <source>Analyse again?</source>
        <translation>Analyser à nouveau&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="175"/>
        <source>%n of the images were counted with other parameters than those on screen and are no longer in memory. Analyse them again with the current parameters? Export the summary when the batch has finished.</source>
        <translation>
            <numerusform>%n image a été comptée avec d&apos;autres paramètres que ceux affichés et n&apos;est plus en mémoire. L&apos;analyser à nouveau avec les paramètres actuels&#xa0;? Exportez le résumé quand le lot sera terminé.</numerusform>
            <numerusform>%n images ont été comptées avec d&apos;autres paramètres que ceux affichés et ne sont plus en mémoire. Les analyser à nouveau avec les paramètres actuels&#xa0;? Exportez le résumé quand le lot sera terminé.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="186"/>
        <source>Export batch summary</source>
        <translation>Exporter le résumé du lot</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/export_controller.py" line="186"/>
        <source>CSV table (*.csv)</source>
        <translation>Tableau CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="113"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="12"/>
        <source>&lt;h2&gt;CapSeg Desktop&lt;/h2&gt;
&lt;p&gt;Open an image (Ctrl+O), drop one on the window, or open a whole folder (Ctrl+Shift+O).
The model finds the capillaries; the count, the density and a table of the capillaries
appear on the right.&lt;/p&gt;</source>
        <extracomment>The help page, one translatable entry per section (the editing section before Folders).</extracomment>
        <translation>&lt;h2&gt;CapSeg Desktop&lt;/h2&gt;
&lt;p&gt;Ouvrez une image (Ctrl+O), déposez-en une sur la fenêtre, ou ouvrez tout un dossier (Ctrl+Shift+O).
Le modèle trouve les capillaires&#xa0;; le nombre, la densité et un tableau des capillaires
s&apos;affichent à droite.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="16"/>
        <source>&lt;h3&gt;The three views&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Original&lt;/b&gt;: the image as it was read.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Mask&lt;/b&gt;: the counted capillaries in white. Detections too small to count (below the
minimum area) are dark grey, so you can see what was left out.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Overlay&lt;/b&gt;: the original with the counted capillaries tinted.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Every counted capillary has a box and a number; the number sits outside the box, so it
never hides the loop&apos;s apex. Numbers are hidden when the image is zoomed out too far to read
them; zoom in (wheel, + and -) to see them. The three views zoom and pan together. Click a box
to select its row in the table; select a row to highlight its box.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Les trois vues&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Originale&lt;/b&gt;&#xa0;: l&apos;image telle qu&apos;elle a été lue.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Masque&lt;/b&gt;&#xa0;: les capillaires comptés, en blanc. Les détections trop petites pour être comptées
(sous la surface minimale) sont en gris foncé, pour voir ce qui a été écarté.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Superposition&lt;/b&gt;&#xa0;: l&apos;originale, avec les capillaires comptés teintés.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Chaque capillaire compté a un cadre et un numéro&#xa0;; le numéro est placé hors du cadre et ne masque
donc jamais l&apos;apex de l&apos;anse. Les numéros sont cachés quand l&apos;image est trop dézoomée pour les lire&#xa0;;
zoomez (molette, + et -) pour les voir. Les trois vues zooment et se déplacent ensemble. Cliquez sur
un cadre pour sélectionner sa ligne dans le tableau&#xa0;; sélectionnez une ligne pour mettre son cadre en évidence.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="27"/>
        <source>&lt;h3&gt;The counting parameters&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Threshold&lt;/b&gt;: a pixel belongs to a capillary when the model&apos;s probability is above
it. Lower finds fainter capillaries and more false ones.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Minimum area&lt;/b&gt;: patches of at most this many pixels are not counted.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Merge distance&lt;/b&gt;: patches closer than this are counted as one capillary (the two
limbs of one loop).&lt;/li&gt;
&lt;li&gt;Areas and distances are in pixels &lt;i&gt;at the model&apos;s scale&lt;/i&gt;: each image is resized so
that its capillaries are as wide as the model&apos;s training images before it is counted (the
status bar and the fields&apos; tooltips say by how much; Model information says the width).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Scale&lt;/b&gt;: micrometres per pixel. Choose your microscope in the toolbar&apos;s
&lt;i&gt;Microscope&lt;/i&gt; list (Model &amp;gt; Microscopes… adds and edits profiles), or Edit &amp;gt;
Calibrate scale (C): drag a line over a known length and type it in µm. A number typed here
with a profile chosen holds for this image only. With a scale the table&apos;s widths are in µm,
dilated (vessel from 20 µm) and giant (from 50 µm) loops are marked, and the density of the
distal row (the dashed line) is shown per millimetre, over the image&apos;s width or in the 1 mm
window (View &amp;gt; 1 mm density window, drag its tab). Without a scale the widths stay in
pixels and there is no density: never a guess.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;A parameter that differs from the model card&apos;s recommendation is marked with a ● and
its recommended value is in its tooltip. &lt;b&gt;Reset to model defaults&lt;/b&gt; (Ctrl+R) sets
threshold, minimum area and merge distance back to the recommendation; the scale is yours
and stays. The boxes only change when you change them: they take the keyboard only when
clicked or tabbed into, and the mouse wheel only while they have the focus. The annotated
PNG (in its legend and its metadata), the mask PNG&apos;s metadata, the JSON export and the
batch summary CSV (column &lt;i&gt;changed_by_user&lt;/i&gt;) record the parameters and which ones you
changed, as the command line&apos;s files do. The capillary CSV is a plain table: its first row
holds the column names.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Les paramètres de comptage&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Seuil&lt;/b&gt;&#xa0;: un pixel appartient à un capillaire quand la probabilité donnée par le modèle dépasse
ce seuil. Plus bas, il trouve des capillaires plus pâles, mais aussi plus de faux.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Surface minimale&lt;/b&gt;&#xa0;: les taches de ce nombre de pixels ou moins ne sont pas comptées.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Distance de fusion&lt;/b&gt;&#xa0;: des taches plus proches que cette distance comptent pour un seul
capillaire (les deux branches d&apos;une même anse).&lt;/li&gt;
&lt;li&gt;Surfaces et distances sont en pixels &lt;i&gt;à l&apos;échelle du modèle&lt;/i&gt;&#xa0;: chaque image est redimensionnée
pour que ses capillaires aient la largeur de ceux des images d&apos;entraînement du modèle avant d&apos;être
comptée (la barre d&apos;état et les infobulles des champs indiquent de combien&#xa0;; Informations sur le
modèle donne la largeur).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Échelle&lt;/b&gt;&#xa0;: micromètres par pixel. Choisissez votre microscope dans la liste &lt;i&gt;Microscope&lt;/i&gt;
de la barre d&apos;outils (Modèle &amp;gt; Microscopes… ajoute et modifie les profils), ou Édition &amp;gt;
Étalonner l&apos;échelle (C)&#xa0;: tracez une ligne sur une longueur connue et saisissez-la en µm. Une valeur
saisie ici alors qu&apos;un profil est choisi ne vaut que pour cette image. Avec une échelle, les largeurs
du tableau sont en µm, les anses dilatées (vaisseau à partir de 20 µm) et les mégacapillaires (à
partir de 50 µm) sont signalés, et la densité de la rangée distale (la ligne en pointillés) est
donnée par millimètre, sur toute la largeur de l&apos;image ou dans la fenêtre de 1 mm (Affichage &amp;gt;
Fenêtre de densité de 1 mm, faites glisser son onglet). Sans échelle, les largeurs restent en pixels
et aucune densité n&apos;est donnée&#xa0;: jamais d&apos;estimation au hasard.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Un paramètre qui diffère de la recommandation de la fiche du modèle est marqué d&apos;un ● et sa valeur
recommandée figure dans son infobulle. &lt;b&gt;Valeurs du modèle&lt;/b&gt; (Ctrl+R) remet le seuil, la surface
minimale et la distance de fusion à la recommandation&#xa0;; l&apos;échelle vous appartient et reste inchangée.
Les champs ne changent que si vous les modifiez&#xa0;: ils ne prennent le clavier qu&apos;après un clic ou une
tabulation, et la molette que lorsqu&apos;ils ont le focus. Le PNG annoté (dans sa légende et ses
métadonnées), les métadonnées du PNG de masque, l&apos;export JSON et le CSV de résumé du lot (colonne
&lt;i&gt;changed_by_user&lt;/i&gt;) enregistrent les paramètres et ceux que vous avez modifiés, comme les fichiers
de la ligne de commande. Le CSV des capillaires est un simple tableau&#xa0;: sa première ligne contient
les noms des colonnes.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="55"/>
        <source>&lt;h3&gt;How capillaries are counted&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;The probability map is thresholded.&lt;/li&gt;
&lt;li&gt;Connected patches (8-connected) larger than the minimum area are kept.&lt;/li&gt;
&lt;li&gt;Kept patches whose closest pixels are nearer than the merge distance are joined,
transitively.&lt;/li&gt;
&lt;li&gt;A joined group holding two or more large patches (above the split area) is split back
into its patches.&lt;/li&gt;
&lt;li&gt;Each group is one capillary, numbered from left to right.&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;After a parameter change the image is counted again from the kept probability map,
without running the model again. A selected capillary stays selected when its pixels
overlap a capillary of the new count, even if its number changes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Comment les capillaires sont comptés&lt;/h3&gt;
&lt;ol&gt;
&lt;li&gt;La carte de probabilité est seuillée.&lt;/li&gt;
&lt;li&gt;Les taches connexes (connexité 8) plus grandes que la surface minimale sont conservées.&lt;/li&gt;
&lt;li&gt;Les taches conservées dont les pixels les plus proches sont à moins de la distance de fusion
sont réunies, de proche en proche.&lt;/li&gt;
&lt;li&gt;Un groupe réuni qui contient deux grandes taches ou plus (au-dessus de la surface de séparation)
est de nouveau séparé en ses taches.&lt;/li&gt;
&lt;li&gt;Chaque groupe est un capillaire, numéroté de gauche à droite.&lt;/li&gt;
&lt;/ol&gt;
&lt;p&gt;Après un changement de paramètre, l&apos;image est recomptée à partir de la carte de probabilité
conservée, sans relancer le modèle. Un capillaire sélectionné reste sélectionné si ses pixels
recouvrent un capillaire du nouveau comptage, même si son numéro change.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="68"/>
        <source>&lt;h3&gt;Correcting a result by hand&lt;/h3&gt;
&lt;p&gt;Click a capillary (its box or its pixels) to select it, Ctrl+click to add more. &lt;b&gt;Del&lt;/b&gt;
(or right-click &amp;gt; Delete capillary) takes the selected ones out of the count; &lt;b&gt;M&lt;/b&gt;
merges two or more selected ones into one. The Edit menu and the edit toolbar have the tools:
&lt;b&gt;Select&lt;/b&gt; (V), &lt;b&gt;Add by click&lt;/b&gt; (A: click a missed loop, the region the model sees
around the click is added), &lt;b&gt;Brush&lt;/b&gt; (B) and &lt;b&gt;Eraser&lt;/b&gt; (E) paint and take away
pixels (&lt;b&gt;[&lt;/b&gt; and &lt;b&gt;]&lt;/b&gt; change the size, shown in the status bar), &lt;b&gt;Split&lt;/b&gt; (K: drag
a cut line across one capillary). Esc goes back to Select. Ctrl+Z undoes, Ctrl+Shift+Z
redoes, View &amp;gt; Undo history (Ctrl+H) lists every correction.&lt;/p&gt;
&lt;p&gt;The count panel says how the count came about (&quot;12 — model 13, 1 removed, 0 added&quot;) and
the table marks edited capillaries with a pencil. Corrections are saved at once beside the
image as &lt;i&gt;NAME.capseg.json&lt;/i&gt; (in the application-data folder when the image&apos;s folder
cannot be written; the status bar says where) and come back when the image is opened again.
Changing a counting parameter after corrections asks whether to keep them on top of the new
count. Exports carry the corrected count and the model&apos;s.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Corriger un résultat à la main&lt;/h3&gt;
&lt;p&gt;Cliquez sur un capillaire (son cadre ou ses pixels) pour le sélectionner, Ctrl+clic pour en ajouter.
&lt;b&gt;Suppr&lt;/b&gt; (ou clic droit &amp;gt; Supprimer le capillaire) retire les capillaires sélectionnés du
comptage&#xa0;; &lt;b&gt;M&lt;/b&gt; fusionne deux capillaires sélectionnés ou plus en un seul. Le menu Édition et la
barre d&apos;outils d&apos;édition proposent les outils&#xa0;: &lt;b&gt;Sélectionner&lt;/b&gt; (V), &lt;b&gt;Ajouter par clic&lt;/b&gt; (A&#xa0;:
cliquez sur une anse manquée, la région que le modèle voit autour du clic est ajoutée), &lt;b&gt;Pinceau&lt;/b&gt;
(B) et &lt;b&gt;Gomme&lt;/b&gt; (E) ajoutent et retirent des pixels (&lt;b&gt;[&lt;/b&gt; et &lt;b&gt;]&lt;/b&gt; changent la taille,
indiquée dans la barre d&apos;état), &lt;b&gt;Scinder&lt;/b&gt; (K&#xa0;: tracez une ligne de coupe à travers un capillaire).
Échap revient à Sélectionner. Ctrl+Z annule, Ctrl+Shift+Z rétablit, Affichage &amp;gt; Historique des
corrections (Ctrl+H) liste toutes les corrections.&lt;/p&gt;
&lt;p&gt;Le panneau de comptage indique d&apos;où vient le nombre («&#xa0;12 — modèle 13, 1 supprimé, 0 ajouté&#xa0;») et
le tableau marque d&apos;un crayon les capillaires corrigés. Les corrections sont enregistrées aussitôt
à côté de l&apos;image dans &lt;i&gt;NOM.capseg.json&lt;/i&gt; (dans le dossier des données de l&apos;application quand le
dossier de l&apos;image n&apos;est pas accessible en écriture&#xa0;; la barre d&apos;état indique où) et reviennent
quand l&apos;image est rouverte. Modifier un paramètre de comptage après des corrections demande s&apos;il
faut les garder par-dessus le nouveau comptage. Les exports contiennent le nombre corrigé et celui
du modèle.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="83"/>
        <source>&lt;h3&gt;Folders&lt;/h3&gt;
&lt;p&gt;Open folder analyses every image; the list shows count, density and status. When you
change a parameter the images in memory are counted again at once; an image that is no
longer in memory is marked &lt;i&gt;counted with other parameters&lt;/i&gt; and Export summary offers
to analyse it again, so the list, the summary CSV and the view always agree.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Dossiers&lt;/h3&gt;
&lt;p&gt;Ouvrir un dossier analyse chaque image&#xa0;; la liste affiche le nombre, la densité et l&apos;état. Quand vous
modifiez un paramètre, les images en mémoire sont aussitôt recomptées&#xa0;; une image qui n&apos;est plus en
mémoire est marquée &lt;i&gt;comptée avec d&apos;autres paramètres&lt;/i&gt; et l&apos;export du résumé propose de
l&apos;analyser à nouveau&#xa0;: la liste, le CSV de résumé et la vue concordent toujours.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="96"/>
        <source>CapSeg Desktop help</source>
        <translation>Aide de CapSeg Desktop</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/help.py" line="99"/>
        <source>Help</source>
        <translation>Aide</translation>
    </message>
</context>
<context>
    <name>LayoutControls</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="227"/>
        <source>Zoom %1 %</source>
        <translation>Zoom %1&#xa0;%</translation>
    </message>
</context>
<context>
    <name>Logs</name>
    <message>
        <location filename="../../capseg_desktop/gui/logs.py" line="77"/>
        <source>The details are in the log file %1.</source>
        <extracomment>A folder for the log instead of the application-data folder (tests).</extracomment>
        <translation>Les détails sont dans le journal %1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/logs.py" line="99"/>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/logs.py" line="100"/>
        <source>Something went wrong: %1</source>
        <translation>Un problème est survenu&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/logs.py" line="101"/>
        <source>CapSeg is still running.</source>
        <translation>CapSeg fonctionne toujours.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../capseg_desktop/gui/widgets/file_filters.py" line="11"/>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.PNG *.JPG *.JPEG *.TIF *.TIFF *.BMP);;All files (*)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.PNG *.JPG *.JPEG *.TIF *.TIFF *.BMP);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="147"/>
        <source>Open an image (Ctrl+O) or drop one here.</source>
        <extracomment>Above this many pixels a recount runs in the worker (seconds on an 8000 x 8000 scan); below it, in place (milliseconds on a strip). What the window shows for the image on screen; the views, the count panel, the status bar, the batch list and the exam observe it (``build.observe_session``).</extracomment>
        <translation>Ouvrez une image (Ctrl+O) ou déposez-en une ici.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="157"/>
        <source>Model not loaded</source>
        <translation>Modèle non chargé</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="164"/>
        <source>Open image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="185"/>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="193"/>
        <source>the image</source>
        <translation>l&apos;image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="195"/>
        <source>%1 shown; load a model (Model &gt; Load model…) to count capillaries.</source>
        <translation>%1 affichée&#xa0;; chargez un modèle (Modèle &gt; Charger un modèle…) pour compter les capillaires.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="196"/>
        <source>No model loaded: the count appears when a model is loaded.</source>
        <translation>Aucun modèle chargé&#xa0;: le comptage apparaîtra une fois un modèle chargé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="199"/>
        <source>Analysing %1…</source>
        <translation>Analyse de %1…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="200"/>
        <source>Analysing…</source>
        <translation>Analyse…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="221"/>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="230"/>
        <source>%n capillaries in %1 (model %2 ms, count %3 ms).</source>
        <translation>
            <numerusform>%n capillaire dans %1 (modèle %2 ms, comptage %3 ms).</numerusform>
            <numerusform>%n capillaires dans %1 (modèle %2 ms, comptage %3 ms).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="284"/>
        <source>The analysis failed.</source>
        <translation>L&apos;analyse a échoué.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="287"/>
        <source>The image could not be analysed</source>
        <translation>L&apos;image n&apos;a pas pu être analysée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="295"/>
        <source>Analysis cancelled: press F5 to analyse again.</source>
        <translation>Analyse annulée&#xa0;: appuyez sur F5 pour relancer.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="296"/>
        <source>Analysis cancelled.</source>
        <translation>Analyse annulée.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="306"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="337"/>
        <source>Recounting with %1…</source>
        <translation>Nouveau comptage avec %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="343"/>
        <source>%n capillaries (recounted in %1 ms).</source>
        <translation>
            <numerusform>%n capillaire (recompté en %1 ms).</numerusform>
            <numerusform>%n capillaires (recomptés en %1 ms).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="353"/>
        <source>%n capillaries.</source>
        <translation>
            <numerusform>%n capillaire.</numerusform>
            <numerusform>%n capillaires.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="363"/>
        <source>Reset to the model&apos;s recommendation: %1; the scale is kept.</source>
        <translation>Paramètres remis à la recommandation du modèle&#xa0;: %1&#xa0;; l&apos;échelle est conservée.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="364"/>
        <source>The parameters already are the model&apos;s recommendation.</source>
        <translation>Les paramètres sont déjà ceux recommandés par le modèle.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="380"/>
        <source>Choose an image in the batch list to see it.</source>
        <translation>Choisissez une image dans la liste du lot pour la voir.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="403"/>
        <source>%n capillaries in %1 (from the batch).</source>
        <translation>
            <numerusform>%n capillaire dans %1 (depuis le lot).</numerusform>
            <numerusform>%n capillaires dans %1 (depuis le lot).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/main_window.py" line="406"/>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="36"/>
        <source>Original</source>
        <translation>Originale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="36"/>
        <source>Mask</source>
        <translation>Masque</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="37"/>
        <location filename="../../capseg_desktop/gui/window/build.py" line="144"/>
        <source>Overlay</source>
        <translation>Superposition</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="41"/>
        <source>Open or drop an image
(File &gt; Open image…, Ctrl+O)</source>
        <translation>Ouvrez ou déposez une image
(Fichier &gt; Ouvrir une image…, Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="66"/>
        <source>Count</source>
        <translation>Comptage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="72"/>
        <source>Batch results</source>
        <translation>Résultats du lot</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="124"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="134"/>
        <source>Open &amp;recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="142"/>
        <source>Overlay opacity</source>
        <translation>Opacité de la superposition</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/build.py" line="143"/>
        <source>Opacity of the mask tint in the overlay view (Ctrl+[ and Ctrl+])</source>
        <translation>Opacité de la teinte du masque dans la vue superposée (Ctrl+[ et Ctrl+])</translation>
    </message>
</context>
<context>
    <name>ModelController</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="78"/>
        <source>No model loaded: choose Model &gt; Load model… to count capillaries.</source>
        <extracomment>(session, previous recommended CountingParams or None, loaded at start-up)</extracomment>
        <translation>Aucun modèle chargé&#xa0;: choisissez Modèle &gt; Charger un modèle… pour compter les capillaires.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="85"/>
        <source>No model found: choose Model &gt; Load model… to count capillaries.</source>
        <translation>Aucun modèle trouvé&#xa0;: choisissez Modèle &gt; Charger un modèle… pour compter les capillaires.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="86"/>
        <source>No model was found in the models folder; load one with Model &gt; Load model… (or start with --model PATH).</source>
        <translation>Aucun modèle n&apos;a été trouvé dans le dossier des modèles&#xa0;; chargez-en un avec Modèle &gt; Charger un modèle… (ou lancez avec --model CHEMIN).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="93"/>
        <source>Load model</source>
        <translation>Charger un modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/widgets/file_filters.py" line="17"/>
        <source>Models (*.tflite *.keras *.h5 *.hdf5);;All files (*)</source>
        <translation>Modèles (*.tflite *.keras *.h5 *.hdf5);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="104"/>
        <source>The model for any light is not installed (models/any_light/); load another model with Model &gt; Load model….</source>
        <translation>Le modèle pour tout éclairage n’est pas installé (models/any_light/)&#xa0;; chargez un autre modèle avec Modèle &gt; Charger un modèle….</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="117"/>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="118"/>
        <source>Loading the model %1…</source>
        <translation>Chargement du modèle %1…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="133"/>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="140"/>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="180"/>
        <source>Model: %1 (%2)</source>
        <translation>Modèle&#xa0;: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="141"/>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="142"/>
        <source>The model could not be loaded. The previous model is still in use.</source>
        <translation>Le modèle n&apos;a pas pu être chargé. Le modèle précédent reste utilisé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="143"/>
        <source>The model could not be loaded.</source>
        <translation>Le modèle n&apos;a pas pu être chargé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="149"/>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="152"/>
        <source>Model information</source>
        <translation>Informations sur le modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="150"/>
        <source>No model is loaded. Choose Model &gt; Load model… to open one.</source>
        <translation>Aucun modèle n&apos;est chargé. Choisissez Modèle &gt; Charger un modèle… pour en ouvrir un.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="156"/>
        <source>About CapSeg Desktop</source>
        <translation>À propos de CapSeg Desktop</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="158"/>
        <source>Counts blood capillaries in nailfold capillaroscopy images.</source>
        <translation>Compte les capillaires sanguins sur les images de capillaroscopie périunguéale.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="159"/>
        <source>Press F1 for help on the views, the parameters and the counting rules.</source>
        <translation>Appuyez sur F1 pour l&apos;aide sur les vues, les paramètres et les règles de comptage.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="178"/>
        <source>No model loaded.</source>
        <translation>Aucun modèle chargé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="181"/>
        <source>File: %1</source>
        <translation>Fichier&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="183"/>
        <source>Input: %1 channel(s), sides padded to a multiple of %2</source>
        <translation>Entrée&#xa0;: %1 canal(aux), côtés complétés jusqu&apos;à un multiple de %2</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="185"/>
        <source>Recommended counting: %1 (pixels at the model&apos;s scale)</source>
        <translation>Comptage recommandé&#xa0;: %1 (pixels à l&apos;échelle du modèle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="192"/>
        <source>No model card lists this file.</source>
        <translation>Aucune fiche de modèle ne mentionne ce fichier.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="195"/>
        <source>Model card: %1 version %2</source>
        <translation>Fiche du modèle&#xa0;: %1 version %2</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="197"/>
        <source>Weights: %1</source>
        <translation>Poids&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="202"/>
        <source>Metrics: %1</source>
        <translation>Métriques&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="203"/>
        <source>The whole card is under Show Details.</source>
        <translation>La fiche complète est sous «&#xa0;Afficher les détails&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="220"/>
        <source>Works at: limbs about %1 px wide (images are resized to it)</source>
        <translation>Travaille à&#xa0;: branches d&apos;environ %1 px de large (les images y sont redimensionnées)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="244"/>
        <source>Model %1 ready.</source>
        <translation>Modèle %1 prêt.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="246"/>
        <source>It recommends other counting parameters (%1); yours are kept (Ctrl+R applies the recommendation).</source>
        <translation>Il recommande d&apos;autres paramètres de comptage (%1)&#xa0;; les vôtres sont conservés (Ctrl+R applique la recommandation).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="248"/>
        <source>It recommends other counting parameters (%1): applied.</source>
        <translation>Il recommande d&apos;autres paramètres de comptage (%1)&#xa0;: appliqués.</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="151"/>
        <source>No recent images</source>
        <translation>Aucune image récente</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="167"/>
        <source>Clear recent images?</source>
        <translation>Effacer les images récentes&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/parts.py" line="168"/>
        <source>Forget the %n recently opened images in File &gt; Open recent? The images themselves are not touched.</source>
        <translation>
            <numerusform>Oublier %n image ouverte récemment dans Fichier &gt; Ouvrir un fichier récent&#xa0;? L&apos;image elle-même n&apos;est pas modifiée.</numerusform>
            <numerusform>Oublier les %n images ouvertes récemment dans Fichier &gt; Ouvrir un fichier récent&#xa0;? Les images elles-mêmes ne sont pas modifiées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecommendationText</name>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/window/model_controller.py" line="229"/>
        <source>%n parameters differ from its recommendation (marked ●; Ctrl+R resets them).</source>
        <translation>
            <numerusform>%n paramètre diffère de sa recommandation (marqué ●&#xa0;; Ctrl+R le rétablit).</numerusform>
            <numerusform>%n paramètres diffèrent de sa recommandation (marqués ●&#xa0;; Ctrl+R les rétablit).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusArea</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="70"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="72"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="76"/>
        <source>Scale the image was analysed at</source>
        <translation>Échelle à laquelle l&apos;image a été analysée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="80"/>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="81"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="82"/>
        <source>Cancel the analysis or the batch</source>
        <translation>Annuler l&apos;analyse ou le lot</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="83"/>
        <source>Stop the running analysis or batch (Esc)</source>
        <translation>Arrêter l&apos;analyse ou le lot en cours (Échap)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="86"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="87"/>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="89"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="108"/>
        <source>own size for the model</source>
        <translation>taille d’origine pour le modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/parts.py" line="106"/>
        <source>×%1 for the model</source>
        <translation>×%1 pour le modèle</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../capseg_desktop/gui/background/tasks.py" line="76"/>
        <source>An unexpected error stopped the work (%1).</source>
        <translation>Une erreur inattendue a interrompu le travail (%1).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/background/tasks.py" line="231"/>
        <source>No model is loaded: load one (Model &gt; Load model…), then open the folder again.</source>
        <translation>Aucun modèle n&apos;est chargé&#xa0;: chargez-en un (Modèle &gt; Charger un modèle…), puis rouvrez le dossier.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/background/tasks.py" line="238"/>
        <source>Analysing %1 (%2 of %3)</source>
        <translation>Analyse de %1 (%2 sur %3)</translation>
    </message>
</context>
<context>
    <name>ViewPane</name>
    <message>
        <location filename="../../capseg_desktop/gui/views/image_views.py" line="368"/>
        <source>%1 view</source>
        <extracomment>The capillary whose pixels are under an image point (0: none), given by the window. The active edit tool (``editing.tools.EditTool``); None: clicks select, drags pan.</extracomment>
        <translation>Vue %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/image_views.py" line="370"/>
        <source>The %1 picture. Mouse wheel or plus and minus keys zoom, drag pans; the three views move together.</source>
        <translation>L&apos;image %1. La molette ou les touches plus et moins zooment, glisser déplace&#xa0;; les trois vues bougent ensemble.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/image_views.py" line="371"/>
        <source>Click a capillary to select it (Ctrl+click adds one); the Edit menu&apos;s tools correct the count.</source>
        <translation>Cliquez sur un capillaire pour le sélectionner (Ctrl+clic en ajoute un)&#xa0;; les outils du menu Édition corrigent le comptage.</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="122"/>
        <source>&amp;File</source>
        <extracomment>The menus&apos; titles, translated where the menus are made (``_menu``); the table&apos;s paths stay English keys.</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="122"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="122"/>
        <source>&amp;Analysis</source>
        <translation>A&amp;nalyse</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="123"/>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="123"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="123"/>
        <source>Overlay o&amp;pacity</source>
        <translation>O&amp;pacité de la superposition</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="124"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="124"/>
        <source>Loop &amp;flags</source>
        <translation>Signale&amp;ments des anses</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="124"/>
        <source>&amp;Shape</source>
        <translation>&amp;Forme</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="129"/>
        <source>&amp;Open image…</source>
        <translation>&amp;Ouvrir une image…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="129"/>
        <source>Open an image and count its capillaries</source>
        <translation>Ouvrir une image et compter ses capillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="130"/>
        <source>Open &amp;folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="130"/>
        <source>Analyse every image in a folder</source>
        <translation>Analyser toutes les images d&apos;un dossier</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="131"/>
        <source>&amp;Export annotated PNG…</source>
        <translation>&amp;Exporter le PNG annoté…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="131"/>
        <source>Save the image with numbered boxes and a legend</source>
        <translation>Enregistrer l&apos;image avec les cadres numérotés et une légende</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="132"/>
        <source>Export &amp;mask PNG…</source>
        <translation>Exporter le &amp;masque PNG…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="132"/>
        <source>Save the counted capillaries as a black and white PNG</source>
        <translation>Enregistrer les capillaires comptés en PNG noir et blanc</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="133"/>
        <source>Export &amp;results CSV/JSON…</source>
        <translation>Exporter les résul&amp;tats CSV/JSON…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="133"/>
        <source>Save the capillary table (CSV) or the full result (JSON)</source>
        <translation>Enregistrer le tableau des capillaires (CSV) ou le résultat complet (JSON)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="134"/>
        <source>Export &amp;batch summary CSV…</source>
        <translation>Exporter le résumé du &amp;lot CSV…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="134"/>
        <source>Save one row per image of the batch</source>
        <translation>Enregistrer une ligne par image du lot</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="135"/>
        <source>Export &amp;training data…</source>
        <translation>Exporter les données d&apos;&amp;apprentissage…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="135"/>
        <source>Write the corrected images of the current folder, their masks and a points file, as the training tools read them</source>
        <translation>Écrire les images corrigées du dossier courant, leurs masques et un fichier de points, au format des outils d&apos;apprentissage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="137"/>
        <source>New e&amp;xam…</source>
        <translation>&amp;Nouvel examen…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="137"/>
        <source>Start a patient exam: fingers 2 to 5 of both hands, one or more images each</source>
        <translation>Commencer l&apos;examen d&apos;un patient&#xa0;: doigts 2 à 5 des deux mains, une ou plusieurs images chacun</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="138"/>
        <source>Open exa&amp;m…</source>
        <translation>Ouvr&amp;ir un examen…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="138"/>
        <source>Open a saved exam file (.capseg-exam.json)</source>
        <translation>Ouvrir un fichier d&apos;examen enregistré (.capseg-exam.json)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="139"/>
        <source>&amp;Save exam</source>
        <translation>Enregi&amp;strer l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="139"/>
        <source>Save the open exam</source>
        <translation>Enregistrer l&apos;examen ouvert</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="140"/>
        <source>Save exam &amp;as…</source>
        <translation>Enregistrer l&apos;examen so&amp;us…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="140"/>
        <source>Save the open exam under another name</source>
        <translation>Enregistrer l&apos;examen ouvert sous un autre nom</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="141"/>
        <source>Export re&amp;port (PDF)…</source>
        <translation>Exporter le ra&amp;pport (PDF)…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="141"/>
        <source>Write the open exam&apos;s report: per-finger figures, patient summary, every image</source>
        <translation>Écrire le rapport de l&apos;examen ouvert&#xa0;: chiffres par doigt, synthèse du patient, toutes les images</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="142"/>
        <source>Export exam CS&amp;V…</source>
        <translation>Exporter l&apos;examen en CS&amp;V…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="142"/>
        <source>Write the open exam as a table: one row per image and one per finger</source>
        <translation>Écrire l&apos;examen ouvert sous forme de tableau&#xa0;: une ligne par image et une par doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="143"/>
        <source>&amp;Clear recent…</source>
        <translation>&amp;Effacer la liste…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="143"/>
        <source>Forget the recently opened images</source>
        <translation>Oublier les images ouvertes récemment</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="144"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="144"/>
        <source>Quit CapSeg Desktop</source>
        <translation>Quitter CapSeg Desktop</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="146"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="146"/>
        <source>Take back the last correction</source>
        <translation>Retirer la dernière correction</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="147"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="147"/>
        <source>Make the correction taken back again</source>
        <translation>Refaire la correction retirée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="148"/>
        <source>&amp;Delete capillary</source>
        <translation>&amp;Supprimer le capillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="148"/>
        <source>Take the selected capillaries out of the count</source>
        <translation>Retirer du comptage les capillaires sélectionnés</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="149"/>
        <source>&amp;Merge selected</source>
        <translation>&amp;Fusionner la sélection</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="149"/>
        <source>Count the selected capillaries (two or more) as one</source>
        <translation>Compter les capillaires sélectionnés (deux ou plus) comme un seul</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="150"/>
        <source>&amp;Select</source>
        <translation>Sé&amp;lectionner</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="150"/>
        <source>Click a capillary to select it, Ctrl+click to add it to the selection; drag pans</source>
        <translation>Cliquer sur un capillaire pour le sélectionner, Ctrl+clic pour l&apos;ajouter à la sélection&#xa0;; glisser déplace la vue</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="151"/>
        <source>&amp;Add by click</source>
        <translation>A&amp;jouter par clic</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="151"/>
        <source>Click a missed capillary to add the region the model sees around the click</source>
        <translation>Cliquer sur un capillaire manqué pour ajouter la région que le modèle voit autour du clic</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="152"/>
        <source>&amp;Brush</source>
        <translation>&amp;Pinceau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="152"/>
        <source>Paint pixels into a capillary (or a new one) by dragging</source>
        <translation>Peindre des pixels dans un capillaire (ou un nouveau) en glissant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="153"/>
        <source>&amp;Eraser</source>
        <translation>&amp;Gomme</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="153"/>
        <source>Take pixels away from capillaries by dragging</source>
        <translation>Retirer des pixels des capillaires en glissant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="154"/>
        <source>S&amp;plit</source>
        <translation>Sc&amp;inder</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="154"/>
        <source>Drag a cut line across a capillary to make two</source>
        <translation>Tracer une ligne de coupe à travers un capillaire pour en faire deux</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="155"/>
        <source>Drag a rectangle: every box whose centre is inside leaves the count</source>
        <translation>Faites glisser un rectangle : chaque cadre dont le centre est à l’intérieur sort du comptage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="155"/>
        <source>Take out a rectan&amp;gle</source>
        <translation>Retirer un re&amp;ctangle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="157"/>
        <source>Review: &amp;keep, next box</source>
        <translation>Revue : gar&amp;der, cadre suivant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="157"/>
        <source>Keep the selected box and select the next one (the distal row first, along the row)</source>
        <translation>Garder le cadre sélectionné et sélectionner le suivant (la rangée distale d’abord, le long de la rangée)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="158"/>
        <source>Review: take &amp;out, next box</source>
        <translation>Revue : retirer, cadre s&amp;uivant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="158"/>
        <source>Take the selected box out of the count and select the next one</source>
        <translation>Retirer le cadre sélectionné du comptage et sélectionner le suivant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="159"/>
        <source>Take out every capillary that is not a loop of the distal row (one correction, undoable)</source>
        <translation>Retirer chaque capillaire qui n’est pas une anse de la rangée distale (une correction, annulable)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="159"/>
        <source>Keep only the distal ro&amp;w</source>
        <translation>Ne garder &amp;que la rangée distale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="161"/>
        <source>Flag as &amp;giant</source>
        <translation>Signaler comme &amp;mégacapillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="161"/>
        <source>The clinician&apos;s word: the selected loops are giant, whatever their measured width</source>
        <translation>Le clinicien décide&#xa0;: les anses sélectionnées sont des mégacapillaires, quelle que soit leur largeur mesurée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="162"/>
        <source>Flag as &amp;dilated</source>
        <translation>Signaler comme &amp;dilatée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="162"/>
        <source>The clinician&apos;s word: the selected loops are dilated, whatever their measured width</source>
        <translation>Le clinicien décide&#xa0;: les anses sélectionnées sont dilatées, quelle que soit leur largeur mesurée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="163"/>
        <source>&amp;Hairpin</source>
        <translation>En é&amp;pingle à cheveux</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="163"/>
        <source>The clinician&apos;s word: the selected loops are hairpins (normal shape)</source>
        <translation>Le clinicien décide&#xa0;: les anses sélectionnées sont en épingle à cheveux (forme normale)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="164"/>
        <source>&amp;Tortuous</source>
        <translation>&amp;Tortueuse</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="164"/>
        <source>The clinician&apos;s word: the selected loops are tortuous (non-specific)</source>
        <translation>Le clinicien décide&#xa0;: les anses sélectionnées sont tortueuses (non spécifique)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="165"/>
        <source>&amp;Crossing</source>
        <translation>&amp;Croisée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="165"/>
        <source>The clinician&apos;s word: the selected loops are crossing (non-specific)</source>
        <translation>Le clinicien décide&#xa0;: les anses sélectionnées sont croisées (non spécifique)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="166"/>
        <source>&amp;Ramified</source>
        <translation>&amp;Ramifiée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="166"/>
        <source>The clinician&apos;s word: the selected loops are ramified (abnormal: counted by the EULAR fast track)</source>
        <translation>Le clinicien décide&#xa0;: les anses sélectionnées sont ramifiées (anormales&#xa0;: comptées par le fast track de l’EULAR)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="167"/>
        <source>&amp;Not assessable</source>
        <translation>&amp;Non évaluable</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="167"/>
        <source>The clinician&apos;s word: the shape of the selected loops cannot be assessed</source>
        <translation>Le clinicien décide&#xa0;: la forme des anses sélectionnées n’est pas évaluable</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="168"/>
        <source>&amp;Clear automatic flags</source>
        <translation>&amp;Effacer les signalements automatiques</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="168"/>
        <source>The clinician&apos;s word: the selected loops are neither dilated nor giant, and hairpins</source>
        <translation>Le clinicien décide&#xa0;: les anses sélectionnées ne sont ni dilatées ni des mégacapillaires, et sont en épingle à cheveux</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="169"/>
        <source>&amp;Back to the automatic flags</source>
        <translation>&amp;Revenir aux signalements automatiques</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="169"/>
        <source>Forget the clinician&apos;s flags of the selected loops: the measures decide again</source>
        <translation>Oublier les signalements du clinicien sur les anses sélectionnées&#xa0;: les mesures décident de nouveau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="171"/>
        <source>&amp;Calibrate scale</source>
        <translation>É&amp;talonner l&apos;échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="171"/>
        <source>Drag a line over a known length (a calibration slide, a scale bar) and type its length in µm</source>
        <translation>Tracer une ligne sur une longueur connue (lame d&apos;étalonnage, barre d&apos;échelle) et saisir sa longueur en µm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="172"/>
        <source>Measure wi&amp;th a ruler</source>
        <translation>Mesurer a&amp;vec une règle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="172"/>
        <source>Drag a line to measure a width or a distance: in µm with a scale, else in pixels</source>
        <translation>Tracer une ligne pour mesurer une largeur ou une distance&#xa0;: en µm avec une échelle, sinon en pixels</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="173"/>
        <source>Brush s&amp;maller</source>
        <translation>Réduire le pi&amp;nceau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="173"/>
        <source>Smaller brush and eraser</source>
        <translation>Pinceau et gomme plus petits</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="174"/>
        <source>Brush &amp;larger</source>
        <translation>Agrandir le pinc&amp;eau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="174"/>
        <source>Larger brush and eraser</source>
        <translation>Pinceau et gomme plus grands</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="176"/>
        <source>&amp;Analyse again</source>
        <translation>&amp;Analyser à nouveau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="176"/>
        <source>Run the model on the current image again</source>
        <translation>Relancer le modèle sur l&apos;image courante</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="177"/>
        <source>&amp;Cancel</source>
        <translation>A&amp;nnuler</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="177"/>
        <source>Stop the running analysis or batch</source>
        <translation>Arrêter l&apos;analyse ou le lot en cours</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="178"/>
        <source>&amp;Reset to model defaults</source>
        <translation>&amp;Rétablir les valeurs du modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="178"/>
        <source>Set threshold, minimum area and merge distance to the model card&apos;s recommendation</source>
        <translation>Remettre le seuil, la surface minimale et la distance de fusion à la recommandation de la fiche du modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="180"/>
        <source>&amp;Load model…</source>
        <translation>&amp;Charger un modèle…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="180"/>
        <source>Open a .tflite, .keras or .h5 segmentation model</source>
        <translation>Ouvrir un modèle de segmentation .tflite, .keras ou .h5</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="181"/>
        <source>Model for &amp;green light</source>
        <translation>Modèle pour lumière &amp;verte</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="181"/>
        <source>Load the model for any light (models/any_light/): the bundled model misses most loops in pictures lit green</source>
        <translation>Charger le modèle pour tout éclairage (models/any_light/)&#xa0;: le modèle fourni manque la plupart des boucles dans les images éclairées en vert</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="182"/>
        <source>Model &amp;information</source>
        <translation>&amp;Informations sur le modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="182"/>
        <source>Show which model is loaded</source>
        <translation>Afficher le modèle chargé</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="183"/>
        <source>&amp;Adapt to this microscope…</source>
        <translation>A&amp;dapter à ce microscope…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="183"/>
        <source>Review 8-12 varied images of a new microscope, fine-tune, and keep the model with the microscope</source>
        <translation>Revoir 8 à 12 images variées d’un nouveau microscope, ajuster le modèle et le garder avec le microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="184"/>
        <source>&amp;Fine-tune on corrected images…</source>
        <translation>&amp;Affiner sur les images corrigées…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="184"/>
        <source>Teach the current model from the images you corrected, and compare before and after</source>
        <translation>Entraîner le modèle actuel sur les images que vous avez corrigées, et comparer avant et après</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="185"/>
        <source>Micro&amp;scopes…</source>
        <translation>Micro&amp;scopes…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="185"/>
        <source>Add, edit or delete microscope profiles (name, µm per pixel, magnification)</source>
        <translation>Ajouter, modifier ou supprimer des profils de microscope (nom, µm par pixel, grossissement)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="186"/>
        <source>E&amp;xport microscope…</source>
        <translation>E&amp;xporter le microscope…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="186"/>
        <source>Write a microscope profile and its own model into one file, for another workstation</source>
        <translation>Écrire un profil de microscope et son modèle propre dans un seul fichier, pour un autre poste</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="187"/>
        <source>I&amp;mport microscope…</source>
        <translation>I&amp;mporter un microscope…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="187"/>
        <source>Add a microscope profile and its own model from a file exported on another workstation</source>
        <translation>Ajouter un profil de microscope et son modèle propre depuis un fichier exporté sur un autre poste</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="189"/>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="189"/>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="190"/>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="190"/>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="191"/>
        <source>&amp;Fit to window</source>
        <translation>A&amp;juster à la fenêtre</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="191"/>
        <source>Show the whole image</source>
        <translation>Afficher toute l&apos;image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="192"/>
        <source>&amp;100 %</source>
        <translation>&amp;100&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="192"/>
        <source>One image pixel per screen pixel</source>
        <translation>Un pixel de l&apos;image par pixel d&apos;écran</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="193"/>
        <source>Overlay more &amp;opaque</source>
        <translation>Superposition plus &amp;opaque</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="193"/>
        <source>Stronger mask tint in the overlay</source>
        <translation>Teinte du masque plus forte dans la superposition</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="194"/>
        <source>Overlay more &amp;transparent</source>
        <translation>Superposition plus &amp;transparente</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="194"/>
        <source>Weaker mask tint in the overlay</source>
        <translation>Teinte du masque plus légère dans la superposition</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="195"/>
        <source>Arrange &amp;automatically</source>
        <translation>Disposition a&amp;utomatique</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="195"/>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="196"/>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="197"/>
        <source>How the three views are placed</source>
        <translation>Disposition des trois vues</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="196"/>
        <source>Views &amp;side by side</source>
        <translation>Vues &amp;côte à côte</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="197"/>
        <source>Views &amp;stacked</source>
        <translation>Vues &amp;empilées</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="198"/>
        <source>&amp;Count panel</source>
        <translation>Panneau de compta&amp;ge</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="198"/>
        <source>Show or hide the count panel</source>
        <translation>Afficher ou masquer le panneau de comptage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="199"/>
        <source>&amp;Batch results panel</source>
        <translation>Résultats du lo&amp;t</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="199"/>
        <source>Show or hide the batch results</source>
        <translation>Afficher ou masquer les résultats du lot</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="200"/>
        <source>&amp;Undo history</source>
        <translation>&amp;Historique des corrections</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="200"/>
        <source>Show or hide the list of corrections (click one to go back to it)</source>
        <translation>Afficher ou masquer la liste des corrections (cliquer sur l&apos;une pour y revenir)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="201"/>
        <source>&amp;Distal row</source>
        <translation>Rangée &amp;distale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="201"/>
        <source>Show or hide the line through the apices of the distal row (the loops the density counts)</source>
        <translation>Afficher ou masquer la ligne passant par les apex de la rangée distale (les anses comptées dans la densité)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="202"/>
        <source>1 mm density &amp;window</source>
        <translation>&amp;Fenêtre de densité de 1 mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="202"/>
        <source>Count the density in a 1 mm window (drag its tab along the strip) instead of over the whole width</source>
        <translation>Mesurer la densité dans une fenêtre de 1 mm (faire glisser son onglet le long de la bande) au lieu de toute la largeur</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="204"/>
        <source>CapSeg Desktop &amp;help</source>
        <translation>&amp;Aide de CapSeg Desktop</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="204"/>
        <source>The views, the parameters and how capillaries are counted</source>
        <translation>Les vues, les paramètres et le comptage des capillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="205"/>
        <source>&amp;About CapSeg Desktop</source>
        <translation>À &amp;propos de CapSeg Desktop</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/window/actions.py" line="205"/>
        <source>Version, model and model card</source>
        <translation>Version, modèle et fiche du modèle</translation>
    </message>
</context>
</TS>
