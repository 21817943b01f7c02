<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AdaptDialog</name>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="50"/>
        <source>Adapt to this microscope</source>
        <extracomment>Fewer reviewed images than this cannot be split into training and kept-aside ones.</extracomment>
        <translation>Adapter à ce microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="56"/>
        <source>Microscope</source>
        <translation>Microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="59"/>
        <source>&amp;Microscopes…</source>
        <translation>&amp;Microscopes…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="62"/>
        <source>&amp;Folder…</source>
        <translation>&amp;Dossier…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="66"/>
        <source>Images to review</source>
        <translation>Images à revoir</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="70"/>
        <source>&amp;Review next</source>
        <translation>&amp;Revoir la suivante</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="73"/>
        <source>Fine-&amp;tune…</source>
        <translation>A&amp;juster…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="76"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="81"/>
        <source>Correct each proposed image in the main window (N keeps a box and goes to the next, X takes it out, R takes out a rectangle); corrections are saved as you make them. With 3 or more reviewed, fine-tune: the new model can then be kept with the microscope.</source>
        <translation>Corrigez chaque image proposée dans la fenêtre principale (N garde un cadre et passe au suivant, X le retire, R retire un rectangle)&#xa0;; les corrections sont enregistrées au fur et à mesure. Avec 3 images revues ou plus, ajustez le modèle&#xa0;: le nouveau modèle pourra être gardé avec le microscope.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="86"/>
        <source>Microscope:</source>
        <translation>Microscope&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="136"/>
        <source>The folder of this microscope&apos;s images</source>
        <translation>Le dossier des images de ce microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="145"/>
        <source>Folder: %1</source>
        <translation>Dossier&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="157"/>
        <source>reviewed</source>
        <translation>revue</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="157"/>
        <source>to review</source>
        <translation>à revoir</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="162"/>
        <source>Add this microscope first: Microscopes… (its name and µm per pixel).</source>
        <translation>Ajoutez d&apos;abord ce microscope&#xa0;: Microscopes… (son nom et ses µm par pixel).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="164"/>
        <source>%1 of %2 reviewed</source>
        <translation>%1 sur %2 revues</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="166"/>
        <source>Choose the folder of this microscope&apos;s images.</source>
        <translation>Choisissez le dossier des images de ce microscope.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/adapt.py" line="169"/>
        <source>Review at least 3 images first.</source>
        <translation>Revoyez d’abord au moins 3 images.</translation>
    </message>
</context>
<context>
    <name>CalibrationDialog</name>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="73"/>
        <source>Calibrate the scale</source>
        <translation>Étalonner l&apos;échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="78"/>
        <source>The line is %1 px long. How long is it in micrometres (a calibration slide&apos;s division, a scale bar)?</source>
        <translation>Le trait mesure %1 px. Quelle est sa longueur en micromètres (une graduation de lame d&apos;étalonnage, une barre d&apos;échelle)&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="83"/>
        <source>Known length in micrometres</source>
        <translation>Longueur connue en micromètres</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="84"/>
        <source>e.g. 1000</source>
        <translation>p. ex. 1000</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="89"/>
        <source>Profile name (to save it as a microscope profile)</source>
        <translation>Nom du profil (pour l&apos;enregistrer comme profil de microscope)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="90"/>
        <source>e.g. Videocap 200x</source>
        <translation>p. ex. Videocap 200x</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="92"/>
        <source>Known &amp;length (µm)</source>
        <translation>&amp;Longueur connue (µm)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="93"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="94"/>
        <source>Profile &amp;name</source>
        <translation>&amp;Nom du profil</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="100"/>
        <source>&amp;Use for this image only</source>
        <translation>&amp;Utiliser pour cette image seulement</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="102"/>
        <source>&amp;Save as profile</source>
        <translation>&amp;Enregistrer comme profil</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="104"/>
        <source>Keep it as a microscope profile (named above) and use it for every image</source>
        <translation>La garder comme profil de microscope (nommé ci-dessus) et l&apos;utiliser pour toutes les images</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="134"/>
        <source>%1 µm/px</source>
        <translation>%1 µm/px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="134"/>
        <source>type the length</source>
        <translation>saisissez la longueur</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="148"/>
        <source>The line is too short: draw it over the whole known length.</source>
        <translation>Le trait est trop court&#xa0;: tracez-le sur toute la longueur connue.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="152"/>
        <source>Type the length in micrometres, a number above 0.</source>
        <translation>Saisissez la longueur en micromètres, un nombre supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/calibration_line.py" line="155"/>
        <source>There is already a profile named &apos;%1&apos;.</source>
        <translation>Un profil nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
</context>
<context>
    <name>ConclusionBox</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="24"/>
        <source>Conclusion and signature</source>
        <translation>Conclusion et signature</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="32"/>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="33"/>
        <source>The clinician&apos;s conclusion, printed at the end of the report</source>
        <translation>La conclusion du clinicien, imprimée à la fin du rapport</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="37"/>
        <source>Signed by</source>
        <translation>Signé par</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="38"/>
        <source>Name of the clinician who signs the report</source>
        <translation>Nom du clinicien qui signe le rapport</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="44"/>
        <source>Date of the signature</source>
        <translation>Date de la signature</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="47"/>
        <source>C&amp;onclusion:</source>
        <translation>C&amp;onclusion&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="48"/>
        <source>Si&amp;gned by:</source>
        <translation>Si&amp;gné par&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/conclusion.py" line="49"/>
        <source>Signed o&amp;n:</source>
        <translation>Sig&amp;né le&#xa0;:</translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="69"/>
        <source>Undone: %1</source>
        <translation>Annulé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>EditController</name>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="63"/>
        <source>Corrections not saved: %1</source>
        <translation>Corrections non enregistrées&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="132"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="133"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="130"/>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="131"/>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="150"/>
        <source>Select: click a capillary, Ctrl+click to add one to the selection; Del deletes, M merges.</source>
        <translation>Sélection&#xa0;: cliquez sur un capillaire, Ctrl+clic en ajoute un à la sélection&#xa0;; Suppr supprime, M fusionne.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="151"/>
        <source>Add by click: click a missed capillary to add it (Esc: back to Select).</source>
        <translation>Ajout par clic&#xa0;: cliquez sur un capillaire oublié pour l&apos;ajouter (Échap&#xa0;: retour à Sélection).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="152"/>
        <source>Brush: drag to paint a capillary; [ and ] change the size (Esc: back to Select).</source>
        <translation>Pinceau&#xa0;: faites glisser pour peindre un capillaire&#xa0;; [ et ] changent la taille (Échap&#xa0;: retour à Sélection).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="153"/>
        <source>Eraser: drag over the pixels to take away; [ and ] change the size (Esc: back to Select).</source>
        <translation>Gomme&#xa0;: faites glisser sur les pixels à retirer&#xa0;; [ et ] changent la taille (Échap&#xa0;: retour à Sélection).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="154"/>
        <source>Split: drag a cut line across one capillary (Esc: back to Select).</source>
        <translation>Scinder&#xa0;: tracez une ligne de coupe en travers d&apos;un capillaire (Échap&#xa0;: retour à Sélection).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="155"/>
        <source>Take out a rectangle: drag over boxes to take out every one whose centre is inside (Esc: back to Select).</source>
        <translation>Retirer un rectangle : faites glisser sur des cadres pour retirer chacun de ceux dont le centre est à l’intérieur (Échap : retour à Sélection).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="156"/>
        <source>Ruler: drag a line across a vessel to measure it, in µm with a scale, else in pixels (Esc: back to Select).</source>
        <translation>Règle&#xa0;: tracez une ligne en travers d’un vaisseau pour le mesurer, en µm avec une échelle, sinon en pixels (Échap&#xa0;: retour à Sélectionner).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="213"/>
        <source>Delete capillary %1</source>
        <translation>Supprimer le capillaire %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="214"/>
        <source>Delete %n capillaries</source>
        <translation>
            <numerusform>Supprimer %n capillaire</numerusform>
            <numerusform>Supprimer %n capillaires</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="67"/>
        <source>Select two or more capillaries to merge (Ctrl+click adds one to the selection).</source>
        <translation>Sélectionnez au moins deux capillaires à fusionner (Ctrl+clic en ajoute un à la sélection).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="71"/>
        <source>Merge capillaries %1</source>
        <translation>Fusionner les capillaires %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="84"/>
        <source>Capillary %1 is already counted.</source>
        <translation>Le capillaire %1 est déjà compté.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="88"/>
        <source>Nothing to add there.</source>
        <translation>Rien à ajouter à cet endroit.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="92"/>
        <source>Add a marker where the model sees no vessel</source>
        <translation>Ajouter un repère là où le modèle ne voit aucun vaisseau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="94"/>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="76"/>
        <source>Add capillary</source>
        <translation>Ajouter un capillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="113"/>
        <source>Nothing to erase there: the eraser takes pixels away from counted capillaries.</source>
        <translation>Rien à effacer à cet endroit&#xa0;: la gomme retire des pixels aux capillaires comptés.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="115"/>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="80"/>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="118"/>
        <source>Already counted: the brush adds pixels that are not in a capillary yet.</source>
        <translation>Déjà compté&#xa0;: le pinceau ajoute des pixels qui ne font pas encore partie d&apos;un capillaire.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="124"/>
        <source>Paint capillary %1</source>
        <translation>Peindre le capillaire %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="121"/>
        <source>Paint a new capillary</source>
        <translation>Peindre un nouveau capillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="134"/>
        <source>To split a capillary, drag a cut line across it.</source>
        <translation>Pour scinder un capillaire, tracez une ligne de coupe en travers.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/gestures.py" line="136"/>
        <source>Split capillary %1</source>
        <translation>Scinder le capillaire %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="261"/>
        <source>%1 changes nothing here.</source>
        <translation>«&#xa0;%1&#xa0;» ne change rien ici.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="291"/>
        <source>%n capillaries (model %1: %2)</source>
        <translation>
            <numerusform>%n capillaire (modèle %1&#xa0;: %2)</numerusform>
            <numerusform>%n capillaires (modèle %1&#xa0;: %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="294"/>
        <source>%n capillaries, as the model counted them</source>
        <translation>
            <numerusform>%n capillaire, tel que compté par le modèle</numerusform>
            <numerusform>%n capillaires, tels que comptés par le modèle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="295"/>
        <source>%1: %2.</source>
        <translation>%1&#xa0;: %2.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="318"/>
        <source>1 of them no longer applies with these parameters.</source>
        <translation>L&apos;une d&apos;elles ne s&apos;applique plus avec ces paramètres.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="319"/>
        <source>%n of them no longer apply with these parameters.</source>
        <translation>
            <numerusform>%n d&apos;entre elles ne s&apos;applique plus avec ces paramètres.</numerusform>
            <numerusform>%n d&apos;entre elles ne s&apos;appliquent plus avec ces paramètres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="351"/>
        <source>Restored %n corrections from %1.</source>
        <translation>
            <numerusform>%n correction restaurée depuis %1.</numerusform>
            <numerusform>%n corrections restaurées depuis %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="354"/>
        <source>They were made on the count of another model (%1): check them.</source>
        <translation>Elles ont été faites sur le comptage d&apos;un autre modèle (%1)&#xa0;: vérifiez-les.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="357"/>
        <source>They were saved with other counting parameters and are replayed on the current ones.</source>
        <translation>Elles ont été enregistrées avec d&apos;autres paramètres de comptage et sont rejouées avec les paramètres actuels.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="359"/>
        <source>(kept in %1 because the image&apos;s folder is read-only)</source>
        <translation>(conservées dans %1, car le dossier de l&apos;image est en lecture seule)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="376"/>
        <source>Keep your corrections?</source>
        <translation>Conserver vos corrections&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="377"/>
        <source>You corrected this count %n times by hand. Keep your %n corrections on top of the new count?</source>
        <translation>
            <numerusform>Vous avez corrigé ce comptage %n fois à la main. Conserver votre correction sur le nouveau comptage&#xa0;?</numerusform>
            <numerusform>Vous avez corrigé ce comptage %n fois à la main. Conserver vos %n corrections sur le nouveau comptage&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="380"/>
        <source>Keep them</source>
        <translation>Les conserver</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="381"/>
        <source>Discard them</source>
        <translation>Les abandonner</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="382"/>
        <source>Kept corrections are replayed on the new count where they still apply.</source>
        <translation>Les corrections conservées sont rejouées sur le nouveau comptage là où elles s&apos;appliquent encore.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="386"/>
        <source>Kept your %n corrections on top of the new count.</source>
        <translation>
            <numerusform>Votre correction est conservée sur le nouveau comptage.</numerusform>
            <numerusform>Vos %n corrections sont conservées sur le nouveau comptage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="390"/>
        <source>Discarded %n corrections.</source>
        <translation>
            <numerusform>%n correction abandonnée.</numerusform>
            <numerusform>%n corrections abandonnées.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/controller.py" line="426"/>
        <source>Corrections kept in %1: the folder of %2 cannot be written.</source>
        <translation>Corrections conservées dans %1&#xa0;: le dossier de %2 n&apos;est pas accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="75"/>
        <source>Delete capillary</source>
        <translation>Supprimer un capillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="77"/>
        <source>Merge capillaries</source>
        <translation>Fusionner des capillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="78"/>
        <source>Split capillary</source>
        <translation>Scinder un capillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="79"/>
        <source>Paint</source>
        <translation>Peindre</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="81"/>
        <source>Flag by the clinician</source>
        <translation>Signalement du clinicien</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/undo.py" line="83"/>
        <source>%1 (restored)</source>
        <translation>%1 (restauré)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="37"/>
        <source>Flag capillary %1 as giant</source>
        <extracomment>Action id (``gui/window/actions.py``) -&gt; the flag edit&apos;s value (``core.overrides.FLAG_VALUES``).</extracomment>
        <translation>Signaler le capillaire %1 comme mégacapillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="38"/>
        <source>Flag capillary %1 as dilated</source>
        <translation>Signaler le capillaire %1 comme dilaté</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="39"/>
        <source>Flag capillary %1 as normal</source>
        <translation>Signaler le capillaire %1 comme normal</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="40"/>
        <source>Clear the automatic flags of capillary %1</source>
        <translation>Effacer les signalements automatiques du capillaire %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="41"/>
        <source>Capillary %1 back to the automatic flags</source>
        <translation>Capillaire %1&#xa0;: retour aux signalements automatiques</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="44"/>
        <source>Flag capillaries %1 as giant</source>
        <translation>Signaler les capillaires %1 comme mégacapillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="45"/>
        <source>Flag capillaries %1 as dilated</source>
        <translation>Signaler les capillaires %1 comme dilatés</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="46"/>
        <source>Flag capillaries %1 as normal</source>
        <translation>Signaler les capillaires %1 comme normaux</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="47"/>
        <source>Clear the automatic flags of capillaries %1</source>
        <translation>Effacer les signalements automatiques des capillaires %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="48"/>
        <source>Capillaries %1 back to the automatic flags</source>
        <translation>Capillaires %1&#xa0;: retour aux signalements automatiques</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="56"/>
        <source>Capillaries %1: shape %2</source>
        <translation>Capillaires %1&#xa0;: forme %2</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="58"/>
        <source>Capillary %1: shape %2</source>
        <translation>Capillaire %1&#xa0;: forme %2</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="69"/>
        <source>Select a capillary to flag (click its box or its row).</source>
        <translation>Sélectionnez le capillaire à signaler (cliquez sur son cadre ou sa ligne).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/flags.py" line="81"/>
        <source>Shape</source>
        <translation>Forme</translation>
    </message>
</context>
<context>
    <name>EditPalette</name>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="27"/>
        <source>&lt;no corrections&gt;</source>
        <extracomment>The tools&apos; order on the toolbar and in the Edit menu.</extracomment>
        <translation>&lt;aucune correction&gt;</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="49"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="49"/>
        <source>Brush</source>
        <translation>Pinceau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="51"/>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="72"/>
        <source>Brush %1 px</source>
        <translation>Pinceau %1 px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="73"/>
        <source>Brush and eraser diameter in image pixels ([ smaller, ] larger)</source>
        <translation>Diamètre du pinceau et de la gomme en pixels de l&apos;image ([ plus petit, ] plus grand)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="38"/>
        <source>Brush size</source>
        <translation>Taille du pinceau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="52"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="46"/>
        <source>Edit tools</source>
        <translation>Outils de correction</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="50"/>
        <source>Eraser</source>
        <translation>Gomme</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="51"/>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="52"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="49"/>
        <source>Select</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="50"/>
        <source>Split</source>
        <translation>Scinder</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="52"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="28"/>
        <location filename="../../capseg_desktop/gui/editing/palette.py" line="29"/>
        <source>Undo history</source>
        <translation>Historique des corrections</translation>
    </message>
</context>
<context>
    <name>ExamAnalysisTask</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/tasks.py" line="67"/>
        <source>No model is loaded: load one (Model &gt; Load model…); the exam&apos;s images are counted then.</source>
        <translation>Aucun modèle n&apos;est chargé&#xa0;: chargez-en un (Modèle &gt; Charger un modèle…)&#xa0;; les images de l&apos;examen seront alors comptées.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/tasks.py" line="74"/>
        <source>Analysing %1 (%2 of %3)</source>
        <translation>Analyse de %1 (%2 sur %3)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/tasks.py" line="88"/>
        <source>%n images analysed</source>
        <translation>
            <numerusform>%n image analysée</numerusform>
            <numerusform>%n images analysées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExamController</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="140"/>
        <source>Add images to the exam</source>
        <extracomment>After a change of the counting parameters, the exam is counted again once they have not changed for this long (a spin box held down must not start an analysis per step).</extracomment>
        <translation>Ajouter des images à l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="171"/>
        <source>Which finger?</source>
        <translation>Quel doigt&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="172"/>
        <source>The name of &quot;%1&quot; does not say which finger it shows (as L2A.png or R5B.jpg would). Finger:</source>
        <translation>Le nom «&#xa0;%1&#xa0;» n&apos;indique pas le doigt photographié (comme le feraient L2A.png ou R5B.jpg). Doigt&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="185"/>
        <source>Exclude the image</source>
        <translation>Exclure l&apos;image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="186"/>
        <source>Why is &quot;%1&quot; left out of the figures (e.g. blurred, not the distal row)?</source>
        <translation>Pourquoi «&#xa0;%1&#xa0;» est-elle exclue des résultats (p. ex. floue, pas la rangée distale)&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="251"/>
        <source>The counting parameters changed: the exam&apos;s images are counted again.</source>
        <translation>Les paramètres de comptage ont changé&#xa0;: les images de l&apos;examen sont recomptées.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="287"/>
        <source>Analysing %1 (%2 of %3)…</source>
        <translation>Analyse de %1 (%2 sur %3)…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="315"/>
        <source>Analyses stopped: Analyse again (F5) counts the images left.</source>
        <translation>Analyses arrêtées&#xa0;: Analyser à nouveau (F5) compte les images restantes.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="363"/>
        <source>Exam %1%2 – CapSeg Desktop</source>
        <translation>Examen %1%2 – CapSeg Desktop</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="357"/>
        <source>%n of %1 images counted.</source>
        <translation>
            <numerusform>%n image comptée sur %1.</numerusform>
            <numerusform>%n images comptées sur %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="386"/>
        <source>%1: failed</source>
        <translation>%1&#xa0;: échec</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="389"/>
        <source>%1: analysing…</source>
        <translation>%1&#xa0;: analyse en cours…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="394"/>
        <source>%1 — excluded: %2</source>
        <translation>%1 — exclue&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="24"/>
        <source>No exam</source>
        <translation>Aucun examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="24"/>
        <source>Start an exam first (File &gt; New exam…) or open one.</source>
        <translation>Commencez d&apos;abord un examen (Fichier &gt; Nouvel examen…) ou ouvrez-en un.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="43"/>
        <source>Save exam</source>
        <translation>Enregistrer l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="58"/>
        <source>Exam not saved</source>
        <translation>Examen non enregistré</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="58"/>
        <source>The exam could not be saved to &quot;%1&quot;.</source>
        <translation>L&apos;examen n&apos;a pas pu être enregistré dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="66"/>
        <source>Exam saved to %1.</source>
        <translation>Examen enregistré dans %1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="72"/>
        <source>Open exam</source>
        <translation>Ouvrir un examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="84"/>
        <source>Exam not opened</source>
        <translation>Examen non ouvert</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="84"/>
        <source>&quot;%1&quot; could not be read as an exam.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;a pas pu être lu comme un examen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/controller.py" line="412"/>
        <source>%n image(s) of the exam were not found where the exam file says: %1.</source>
        <translation>
            <numerusform>%n image de l&apos;examen est introuvable à l&apos;emplacement indiqué par le fichier d&apos;examen&#xa0;: %1.</numerusform>
            <numerusform>%n images de l&apos;examen sont introuvables à l&apos;emplacement indiqué par le fichier d&apos;examen&#xa0;: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="93"/>
        <source>Images missing</source>
        <translation>Images manquantes</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="103"/>
        <source>Save the exam?</source>
        <translation>Enregistrer l&apos;examen&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="104"/>
        <source>The exam of %1 has changes that are not saved. Save them?</source>
        <translation>L&apos;examen de %1 comporte des modifications non enregistrées. Les enregistrer&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="101"/>
        <source>this patient</source>
        <translation>ce patient</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="120"/>
        <source>Analyses still running</source>
        <translation>Analyses en cours</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="120"/>
        <source>Wait until every image of the exam is counted, then export.</source>
        <translation>Attendez que toutes les images de l&apos;examen soient comptées, puis exportez.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="137"/>
        <source>Export report (PDF)</source>
        <translation>Exporter le rapport (PDF)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="148"/>
        <source>Report not written</source>
        <translation>Rapport non écrit</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="148"/>
        <source>The report could not be written to &quot;%1&quot;.</source>
        <translation>Le rapport n&apos;a pas pu être écrit dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="153"/>
        <source>Report written to %1.</source>
        <translation>Rapport écrit dans %1.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="160"/>
        <source>Export exam CSV</source>
        <translation>Exporter l&apos;examen en CSV</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="173"/>
        <source>CSV not written</source>
        <translation>CSV non écrit</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="173"/>
        <source>The CSV could not be written to &quot;%1&quot;.</source>
        <translation>Le CSV n&apos;a pas pu être écrit dans «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/files.py" line="178"/>
        <source>Exam CSV written to %1.</source>
        <translation>CSV de l&apos;examen écrit dans %1.</translation>
    </message>
</context>
<context>
    <name>ExamDetailsDialog</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="54"/>
        <source>New exam</source>
        <translation>Nouvel examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="54"/>
        <source>Exam details</source>
        <translation>Détails de l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="59"/>
        <source>Pseudonym or study code, e.g. P-0042</source>
        <translation>Pseudonyme ou code d&apos;étude, p. ex. P-0042</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="60"/>
        <source>Patient identifier (pseudonym)</source>
        <translation>Identifiant du patient (pseudonyme)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="62"/>
        <source>Do not type the patient&apos;s name: the identifier is printed on the report and saved in the exam file.</source>
        <translation>Ne saisissez pas le nom du patient&#xa0;: l&apos;identifiant est imprimé sur le rapport et enregistré dans le fichier d&apos;examen.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="70"/>
        <source>Exam date</source>
        <translation>Date de l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="73"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="76"/>
        <source>Microscope profile</source>
        <translation>Profil de microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="77"/>
        <source>No profile: type the scale</source>
        <translation>Aucun profil&#xa0;: saisissez l&apos;échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="80"/>
        <source>%1 (%2 µm/px)</source>
        <translation>%1 (%2 µm/px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="83"/>
        <source>Scale in micrometres per pixel</source>
        <translation>Échelle en micromètres par pixel</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="87"/>
        <source>not set (no density)</source>
        <translation>non définie (pas de densité)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="88"/>
        <source> µm/px</source>
        <translation> µm/px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="92"/>
        <source>&amp;Patient identifier:</source>
        <translation>Identifiant du &amp;patient&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="94"/>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="95"/>
        <source>&amp;Operator:</source>
        <translation>&amp;Opérateur&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="96"/>
        <source>&amp;Microscope:</source>
        <translation>&amp;Microscope&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="97"/>
        <source>&amp;Scale:</source>
        <translation>É&amp;chelle&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/dialog.py" line="103"/>
        <source>Without a scale the counts are kept but no density per mm can be given.</source>
        <translation>Sans échelle, les comptages sont conservés mais aucune densité par mm ne peut être donnée.</translation>
    </message>
</context>
<context>
    <name>ExamFingers</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="25"/>
        <source>L2 – left index</source>
        <extracomment>The thumbnail beside each image&apos;s name (a strip is about three times as wide as tall).</extracomment>
        <translation>L2 – index gauche</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="26"/>
        <source>L3 – left middle</source>
        <translation>L3 – majeur gauche</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="27"/>
        <source>L4 – left ring</source>
        <translation>L4 – annulaire gauche</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="28"/>
        <source>L5 – left little</source>
        <translation>L5 – auriculaire gauche</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="29"/>
        <source>R2 – right index</source>
        <translation>R2 – index droit</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="30"/>
        <source>R3 – right middle</source>
        <translation>R3 – majeur droit</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="31"/>
        <source>R4 – right ring</source>
        <translation>R4 – annulaire droit</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="32"/>
        <source>R5 – right little</source>
        <translation>R5 – auriculaire droit</translation>
    </message>
</context>
<context>
    <name>ExamFollowUp</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="60"/>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="69"/>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="108"/>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="125"/>
        <source>Compare with an earlier exam</source>
        <translation>Comparer à un examen antérieur</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="61"/>
        <source>CapSeg exams (*%1)</source>
        <translation>Examens CapSeg (*%1)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="78"/>
        <source>Compare them anyway?</source>
        <translation>Les comparer quand même&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="95"/>
        <source>Counting the images of the exam of %1…</source>
        <translation>Comptage des images de l’examen du %1…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/followup.py" line="127"/>
        <source>The next report exported includes this comparison.</source>
        <translation>Le prochain compte rendu exporté contient cette comparaison.</translation>
    </message>
</context>
<context>
    <name>ExamModel</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="21"/>
        <source>CapSeg exams (*%1);;All files (*)</source>
        <translation>Examens CapSeg (*%1);;Tous les fichiers (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="29"/>
        <source>%n capillaries (corrected)</source>
        <translation>
            <numerusform>%n capillaire (après correction)</numerusform>
            <numerusform>%n capillaires (après correction)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="29"/>
        <source>%n capillaries</source>
        <translation>
            <numerusform>%n capillaire</numerusform>
            <numerusform>%n capillaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="32"/>
        <source>%n dilated</source>
        <translation>
            <numerusform>%n dilaté</numerusform>
            <numerusform>%n dilatés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="35"/>
        <source>%n giant</source>
        <translation>
            <numerusform>%n mégacapillaire</numerusform>
            <numerusform>%n mégacapillaires</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="40"/>
        <source>Mean density %1 per mm, %2 (%n finger(s) with a density)</source>
        <translation>
            <numerusform>Densité moyenne %1 par mm, %2 (%n doigt avec une densité)</numerusform>
            <numerusform>Densité moyenne %1 par mm, %2 (%n doigts avec une densité)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="71"/>
        <source>not assessed (no scale)</source>
        <translation>non évaluée (pas d&apos;échelle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="77"/>
        <source>%1 µm/px</source>
        <translation>%1 µm/px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="79"/>
        <source>no scale (counts only, no density)</source>
        <translation>pas d&apos;échelle (comptages seuls, sans densité)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="81"/>
        <source>operator %1</source>
        <translation>opérateur %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="83"/>
        <source>no operator given</source>
        <translation>opérateur non indiqué</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="85"/>
        <source>microscope %1</source>
        <translation>microscope %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="87"/>
        <source>no microscope profile</source>
        <translation>aucun profil de microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="88"/>
        <source>Patient %1</source>
        <translation>Patient %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="98"/>
        <source>%1/mm</source>
        <translation>%1/mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="107"/>
        <source>reduced</source>
        <translation>réduite</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="108"/>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="129"/>
        <source>No image: drop images here</source>
        <translation>Aucune image&#xa0;: déposez des images ici</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="132"/>
        <source>Density not assessed (no scale)</source>
        <translation>Densité non évaluée (pas d&apos;échelle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="133"/>
        <source>Density —</source>
        <translation>Densité —</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="135"/>
        <source>Density %1 /mm</source>
        <translation>Densité %1 /mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="137"/>
        <source>dilated %1 · giant %2</source>
        <translation>dilatés %1 · mégacapillaires %2</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="138"/>
        <source>%1 used, %2 not used</source>
        <translation>%1 utilisée(s), %2 non utilisée(s)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="145"/>
        <source>Mean density: not assessed (no finger with a density)</source>
        <translation>Densité moyenne&#xa0;: non évaluée (aucun doigt avec une densité)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="150"/>
        <source>No image counted yet: add images of the fingers (Add images…).</source>
        <translation>Aucune image comptée pour l’instant&#xa0;: ajoutez des images des doigts (Ajouter des images…).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="152"/>
        <source>No image is used yet: each needs a finger, a count, and not to be excluded.</source>
        <translation>Aucune image n’est encore utilisée&#xa0;: chacune doit avoir un doigt, un comptage, et ne pas être exclue.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="154"/>
        <source>EULAR fast track: %1</source>
        <translation>Fast track de l’EULAR&#xa0;: %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="157"/>
        <source>dilated and giant loops: not assessed (no scale)</source>
        <translation>anses dilatées et mégacapillaires&#xa0;: non évalués (pas d’échelle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="162"/>
        <source>giant loops: yes</source>
        <translation>mégacapillaires&#xa0;: oui</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/phrases.py" line="163"/>
        <source>giant loops: none</source>
        <translation>mégacapillaires&#xa0;: aucun</translation>
    </message>
</context>
<context>
    <name>ExamWindow</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="77"/>
        <source>Figures per finger</source>
        <translation>Résultats par doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="79"/>
        <source>Finger</source>
        <translation>Doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="79"/>
        <source>Density (/mm, distal row)</source>
        <translation>Densité (/mm, rangée distale)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="79"/>
        <source>Dilated</source>
        <translation>Dilatés</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="79"/>
        <source>Giant</source>
        <translation>Mégacapillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="80"/>
        <source>Images used</source>
        <translation>Images utilisées</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="80"/>
        <source>Not used (why)</source>
        <translation>Non utilisées (motif)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="91"/>
        <source>Patient summary</source>
        <translation>Synthèse du patient</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="96"/>
        <source>These figures support, not replace, a clinician&apos;s reading of the images.</source>
        <translation>Ces résultats aident la lecture des images par un clinicien, sans la remplacer.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="124"/>
        <source>Stop analysing</source>
        <translation>Arrêter l&apos;analyse</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="131"/>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="135"/>
        <source>Add images; fingers are read from names such as L2A.png or R5B.jpg</source>
        <translation>Ajouter des images&#xa0;; le doigt est lu dans des noms tels que L2A.png ou R5B.jpg</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="136"/>
        <source>&amp;Add images…</source>
        <translation>&amp;Ajouter des images…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="137"/>
        <source>&amp;Details…</source>
        <translation>&amp;Détails…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="137"/>
        <source>Patient identifier, date, operator, microscope and scale</source>
        <translation>Identifiant du patient, date, opérateur, microscope et échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="139"/>
        <source>&amp;Save exam</source>
        <translation>&amp;Enregistrer l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="139"/>
        <source>Save the exam file</source>
        <translation>Enregistrer le fichier d&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="140"/>
        <source>Save exam &amp;as…</source>
        <translation>Enregistrer l&apos;examen &amp;sous…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="140"/>
        <source>Save the exam under another name</source>
        <translation>Enregistrer l&apos;examen sous un autre nom</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="141"/>
        <source>Export &amp;report (PDF)…</source>
        <translation>Exporter le &amp;rapport (PDF)…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="141"/>
        <source>Write the exam&apos;s report as a PDF</source>
        <translation>Écrire le rapport de l&apos;examen en PDF</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="142"/>
        <source>Export exam &amp;CSV…</source>
        <translation>Exporter l&apos;examen en &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="142"/>
        <source>One row per image and one per finger</source>
        <translation>Une ligne par image et une par doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="144"/>
        <source>Compare with an &amp;earlier exam…</source>
        <translation>Comparer à un e&amp;xamen antérieur…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="145"/>
        <source>Compare with an earlier exam of the same patient; the next report includes the comparison</source>
        <translation>Comparer à un examen antérieur du même patient&#xa0;; le prochain compte rendu contient la comparaison</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="147"/>
        <source>Analyse &amp;again</source>
        <translation>Analyser à &amp;nouveau</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="147"/>
        <source>Count every image of the exam again</source>
        <translation>Recompter toutes les images de l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="148"/>
        <source>Close e&amp;xam</source>
        <translation>&amp;Fermer l&apos;examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="148"/>
        <source>Close this exam (asks to save changes)</source>
        <translation>Fermer cet examen (propose d&apos;enregistrer les modifications)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="192"/>
        <source>Show in the main window</source>
        <translation>Afficher dans la fenêtre principale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="193"/>
        <source>Move to finger</source>
        <translation>Déplacer vers le doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="199"/>
        <source>Include again</source>
        <translation>Réintégrer</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="201"/>
        <source>Exclude…</source>
        <translation>Exclure…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/window.py" line="203"/>
        <source>Remove from the exam</source>
        <translation>Retirer de l&apos;examen</translation>
    </message>
</context>
<context>
    <name>FinetuneController</name>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="78"/>
        <source>&amp;User models</source>
        <extracomment>A model was accepted (its .tflite), before the window loads it. (program, args) maker; tests replace it with a fake command.</extracomment>
        <translation>Modèles &amp;utilisateur</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="90"/>
        <source>No fine-tuned models yet</source>
        <translation>Aucun modèle affiné pour l&apos;instant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="99"/>
        <source>Load from the user models folder…</source>
        <translation>Charger depuis le dossier des modèles utilisateur…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="107"/>
        <source>Load model</source>
        <translation>Charger un modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="128"/>
        <source>Fine-tune</source>
        <translation>Affiner</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="132"/>
        <source>Fine-tune on the corrected images of</source>
        <translation>Affiner sur les images corrigées de</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="179"/>
        <source>Use it for this microscope?</source>
        <translation>L’utiliser pour ce microscope&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="180"/>
        <source>Keep this model with the microscope &apos;%1&apos;? It is then loaded whenever %1 is chosen, and exported with it (Model &gt; Export microscope…).</source>
        <translation>Garder ce modèle avec le microscope «&#xa0;%1&#xa0;»&#xa0;? Il sera alors chargé chaque fois que %1 est choisi, et exporté avec lui (Modèle &gt; Exporter le microscope…).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="188"/>
        <source>Model not kept with the microscope</source>
        <translation>Modèle non gardé avec le microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="203"/>
        <source>Export the corrected images of</source>
        <translation>Exporter les images corrigées de</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="208"/>
        <source>Write the training data to</source>
        <translation>Écrire les données d&apos;entraînement dans</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="217"/>
        <source>Exporting the corrected images of {0}…</source>
        <translation>Export des images corrigées de {0}…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="220"/>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="234"/>
        <source>Export training data</source>
        <translation>Exporter les données d&apos;entraînement</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="226"/>
        <source>Wrote %n corrected image(s) of %1, their masks and points.json to %2.</source>
        <translation>
            <numerusform>%n image corrigée de %1, ses masques et points.json écrits dans %2.</numerusform>
            <numerusform>%n images corrigées de %1, leurs masques et points.json écrits dans %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="229"/>
        <source>No corrected images in {0}: correct a result first (the corrections are kept with the image), then export.</source>
        <translation>Aucune image corrigée dans {0}&#xa0;: corrigez d&apos;abord un résultat (les corrections sont conservées avec l&apos;image), puis exportez.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/controller.py" line="232"/>
        <source>Left out:</source>
        <translation>Laissées de côté&#xa0;:</translation>
    </message>
</context>
<context>
    <name>FinetuneDialog</name>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="30"/>
        <source>{0} s</source>
        <translation>{0} s</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="32"/>
        <source>{0} min {1:02d} s</source>
        <translation>{0} min {1:02d} s</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="55"/>
        <source>Fine-tune on corrected images</source>
        <translation>Affiner sur les images corrigées</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="67"/>
        <source>Fine-tuning progress (epochs)</source>
        <translation>Progression de l&apos;affinage (époques)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="68"/>
        <source>Epoch %v of %m</source>
        <translation>Époque %v sur %m</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="78"/>
        <source>Validation images (kept aside, never trained on)</source>
        <translation>Images de validation (mises de côté, jamais utilisées pour l&apos;entraînement)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="83"/>
        <source>Before</source>
        <translation>Avant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="83"/>
        <source>After</source>
        <translation>Après</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="89"/>
        <source>F1 of detections (higher is better)</source>
        <translation>F1 des détections (plus haut = meilleur)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="90"/>
        <source>Mean count error per image (lower is better)</source>
        <translation>Erreur moyenne de comptage par image (plus bas = meilleur)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="107"/>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="108"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="109"/>
        <source>&amp;Use this model</source>
        <translation>&amp;Utiliser ce modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="111"/>
        <source>&amp;Discard</source>
        <translation>&amp;Rejeter</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="113"/>
        <source>C&amp;lose</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="128"/>
        <source>%n corrected image(s) found in %1.</source>
        <translation>
            <numerusform>%n image corrigée trouvée dans %1.</numerusform>
            <numerusform>%n images corrigées trouvées dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="130"/>
        <source>Fine-tuning needs at least {0}: correct more results in this folder first (the corrections are kept with each image).</source>
        <translation>L&apos;affinage en demande au moins {0}&#xa0;: corrigez d&apos;abord d&apos;autres résultats de ce dossier (les corrections sont conservées avec chaque image).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="133"/>
        <source>The current model has no Keras file (.keras) beside it to start from; load a .keras model (or the bundled model) first.</source>
        <translation>Le modèle actuel n&apos;a pas de fichier Keras (.keras) à côté de lui d&apos;où partir&#xa0;; chargez d&apos;abord un modèle .keras (ou le modèle fourni).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="137"/>
        <source>%n of them will train the model %1; %2 will be kept aside to score it before and after. The current model is not changed.</source>
        <translation>
            <numerusform>%n d&apos;entre elles entraînera le modèle %1&#xa0;; images mises de côté pour l&apos;évaluer avant et après&#xa0;: %2. Le modèle actuel n&apos;est pas modifié.</numerusform>
            <numerusform>%n d&apos;entre elles entraîneront le modèle %1&#xa0;; images mises de côté pour l&apos;évaluer avant et après&#xa0;: %2. Le modèle actuel n&apos;est pas modifié.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="178"/>
        <source>Starting (loading TensorFlow and the model)…</source>
        <translation>Démarrage (chargement de TensorFlow et du modèle)…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="191"/>
        <source>Scoring the model before fine-tuning on {0}…</source>
        <translation>Évaluation du modèle avant affinage sur {0}…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="197"/>
        <source>Epoch {0} of {1}: about {2} left.</source>
        <translation>Époque {0} sur {1}&#xa0;: il reste environ {2}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="199"/>
        <source>Writing the model and scoring it (about {0} left)…</source>
        <translation>Écriture et évaluation du modèle (il reste environ {0})…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="213"/>
        <source>The fine-tuned model finds the capillaries of your validation images better.</source>
        <translation>Le modèle affiné trouve mieux les capillaires de vos images de validation.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="215"/>
        <source>The fine-tuned model scores the same on your validation images.</source>
        <translation>Le modèle affiné obtient le même score sur vos images de validation.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="217"/>
        <source>The fine-tuned model scores worse on your validation images: discarding it is probably wise.</source>
        <translation>Le modèle affiné obtient un moins bon score sur vos images de validation&#xa0;: il est sans doute plus sage de le rejeter.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="227"/>
        <source>Finished in {0}. Use this model, or discard it?</source>
        <translation>Terminé en {0}. Utiliser ce modèle, ou le rejeter&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="233"/>
        <source>Stopped; nothing was saved and the current model is unchanged.</source>
        <translation>Arrêté&#xa0;; rien n&apos;a été enregistré et le modèle actuel est inchangé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="236"/>
        <source>The fine-tuning failed (details in the log).</source>
        <translation>L&apos;affinage a échoué (détails dans le journal).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="241"/>
        <source>Stopping after the current step…</source>
        <translation>Arrêt après l&apos;étape en cours…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="252"/>
        <source>The model could not be moved into the models folder ({0}).</source>
        <translation>Le modèle n&apos;a pas pu être déplacé dans le dossier des modèles ({0}).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="254"/>
        <source>Saved as {0}; the window now uses it.</source>
        <translation>Enregistré sous {0}&#xa0;; la fenêtre l&apos;utilise désormais.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/dialog.py" line="262"/>
        <source>Discarded; the current model is unchanged.</source>
        <translation>Rejeté&#xa0;; le modèle actuel est inchangé.</translation>
    </message>
</context>
<context>
    <name>FinetuneProcess</name>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/process.py" line="180"/>
        <source>The fine-tuning stopped unexpectedly (details in the log).</source>
        <extracomment>After Cancel, the child has this long to stop after its batch before it is killed.</extracomment>
        <translation>L&apos;affinage s&apos;est arrêté de façon inattendue (détails dans le journal).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/finetune/process.py" line="186"/>
        <source>The fine-tuning could not be started ({0}).</source>
        <translation>L&apos;affinage n&apos;a pas pu être lancé ({0}).</translation>
    </message>
</context>
<context>
    <name>FingerBox</name>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="110"/>
        <source>Images of %1</source>
        <translation>Images de %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="111"/>
        <source>Drop images here; drag one to another finger to move it; double-click to see it in the main window</source>
        <translation>Déposez des images ici&#xa0;; faites-en glisser une vers un autre doigt pour la déplacer&#xa0;; double-cliquez pour la voir dans la fenêtre principale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/exam/fingers.py" line="112"/>
        <source>No image</source>
        <translation>Aucune image</translation>
    </message>
</context>
<context>
    <name>MeasureLayers</name>
    <message>
        <location filename="../../capseg_desktop/gui/views/measure_layers.py" line="150"/>
        <source>1 mm ⇔</source>
        <translation>1 mm ⇔</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/measure_layers.py" line="196"/>
        <source>dilated</source>
        <translation>dilaté</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/measure_layers.py" line="196"/>
        <source>giant</source>
        <translation>méga</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/measure_layers.py" line="204"/>
        <source>Capillary %1: %2</source>
        <translation>Capillaire %1&#xa0;: %2</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/measure_layers.py" line="213"/>
        <source>Capillary %1</source>
        <translation>Capillaire %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/measure_layers.py" line="214"/>
        <source>%1 (flagged by the clinician)</source>
        <translation>%1 (signalé par le clinicien)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/views/measure_layers.py" line="224"/>
        <source>Haemorrhage %1: not counted as a capillary</source>
        <translation>Hémorragie %1&#xa0;: non comptée comme capillaire</translation>
    </message>
</context>
<context>
    <name>MicroscopeTransfer</name>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="26"/>
        <source>Microscope files (*.capseg-microscope)</source>
        <translation>Fichiers de microscope (*.capseg-microscope)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="34"/>
        <source>No microscope to export</source>
        <translation>Aucun microscope à exporter</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="34"/>
        <source>Add a microscope profile first (Model &gt; Microscopes…).</source>
        <translation>Ajoutez d’abord un profil de microscope (Modèle &gt; Microscopes…).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="38"/>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="42"/>
        <source>Export microscope</source>
        <translation>Exporter le microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="38"/>
        <source>Microscope:</source>
        <translation>Microscope&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="49"/>
        <source>Microscope not exported</source>
        <translation>Microscope non exporté</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="51"/>
        <source>Microscope %1 exported to %2.</source>
        <translation>Microscope %1 exporté dans %2.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="61"/>
        <source>Import microscope</source>
        <translation>Importer un microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="69"/>
        <source>Replace the microscope?</source>
        <translation>Remplacer le microscope&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="70"/>
        <source>There is already a microscope named &apos;%1&apos;. Replace it, and its own model, with the imported one?</source>
        <translation>Il existe déjà un microscope nommé «&#xa0;%1&#xa0;». Le remplacer, avec son modèle propre, par celui importé&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/transfer.py" line="77"/>
        <source>Microscope not imported</source>
        <translation>Microscope non importé</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="47"/>
        <source>Microscope profile</source>
        <extracomment>The widest range a spin box offers: from an electron-microscope-like 0.001 to 1 mm a pixel.</extracomment>
        <translation>Profil de microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="51"/>
        <source>Profile name</source>
        <translation>Nom du profil</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="52"/>
        <source>e.g. Videocap 200x</source>
        <translation>p. ex. Videocap 200x</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="59"/>
        <source>type the scale</source>
        <translation>saisir l’échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="60"/>
        <source> µm/px</source>
        <translation> µm/px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="61"/>
        <source>Micrometres per pixel</source>
        <translation>Micromètres par pixel</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="68"/>
        <source>not stated</source>
        <translation>non indiqué</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="70"/>
        <source>Magnification (optional)</source>
        <translation>Grossissement (facultatif)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="77"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="78"/>
        <source>&amp;Scale</source>
        <translation>É&amp;chelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="79"/>
        <source>&amp;Magnification</source>
        <translation>&amp;Grossissement</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="97"/>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="100"/>
        <source>There is already a profile named &apos;%1&apos;.</source>
        <translation>Un profil nommé «&#xa0;%1&#xa0;» existe déjà.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="103"/>
        <source>Type this microscope&apos;s scale in micrometres per pixel (from its calibration, or measure it with Calibrate on a picture of a ruler).</source>
        <translation>Saisissez l’échelle de ce microscope en micromètres par pixel (d’après son étalonnage, ou mesurez-la avec Étalonner sur la photo d’une règle).</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="117"/>
        <source>Microscopes</source>
        <translation>Microscopes</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="121"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="121"/>
        <source>µm per pixel</source>
        <translation>µm par pixel</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="121"/>
        <source>Magnification</source>
        <translation>Grossissement</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="122"/>
        <source>Vessels</source>
        <translation>Vaisseaux</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="123"/>
        <source>Microscope profiles</source>
        <translation>Profils de microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="125"/>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="127"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="129"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="131"/>
        <source>&amp;Learn vessel width…</source>
        <translation>Apprendre la &amp;largeur des vaisseaux…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="133"/>
        <source>Measure the vessels&apos; width on a folder of this microscope&apos;s images: from then on all its images are brought to the model&apos;s scale with one factor.</source>
        <translation>Mesurer la largeur des vaisseaux sur un dossier d’images de ce microscope&#xa0;: dès lors, toutes ses images sont ramenées à l’échelle du modèle avec un seul facteur.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="143"/>
        <source>A profile is the scale of one microscope at one magnification. Choose it in the toolbar (Microscope); Edit &gt; Calibrate measures one from a line of known length.</source>
        <translation>Un profil est l&apos;échelle d&apos;un microscope à un grossissement donné. Choisissez-le dans la barre d&apos;outils (Microscope)&#xa0;; Édition &gt; Étalonner l&apos;échelle en mesure un à partir d&apos;un trait de longueur connue.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="167"/>
        <source>limbs %1 px</source>
        <translation>branches %1 px</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="216"/>
        <source>Delete the microscope profile &apos;%1&apos;? Results already exported keep their scale.</source>
        <translation>Supprimer le profil de microscope «&#xa0;%1&#xa0;»&#xa0;? Les résultats déjà exportés gardent leur échelle.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="218"/>
        <source>Delete profile?</source>
        <translation>Supprimer le profil&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="238"/>
        <source>Images of the microscope &apos;%1&apos;</source>
        <translation>Images du microscope «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="245"/>
        <source>Measuring the vessels…</source>
        <translation>Mesure des vaisseaux…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="245"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="246"/>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="263"/>
        <source>Learn vessel width</source>
        <translation>Apprendre la largeur des vaisseaux</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/profiles.py" line="264"/>
        <source>The vessels&apos; width could not be measured on at least two images of this folder; the profile is unchanged.</source>
        <translation>La largeur des vaisseaux n’a pas pu être mesurée sur au moins deux images de ce dossier&#xa0;; le profil est inchangé.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/review.py" line="51"/>
        <source>All %n boxes reviewed and kept as the model counted them (saved as reviewed).</source>
        <translation>
            <numerusform>%n cadre revu et gardé tel que le modèle l’a compté (enregistré comme revu).</numerusform>
            <numerusform>Les %n cadres revus et gardés tels que le modèle les a comptés (enregistré comme revu).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/review.py" line="54"/>
        <source>All %n boxes reviewed.</source>
        <translation>
            <numerusform>%n cadre revu.</numerusform>
            <numerusform>Les %n cadres ont été revus.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/review.py" line="57"/>
        <source>Box %1 of %2 (distal row first): N keeps it, X takes it out.</source>
        <translation>Cadre %1 sur %2 (rangée distale d’abord) : N le garde, X le retire.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/review.py" line="67"/>
        <source>Take out %n boxes in a rectangle</source>
        <translation>
            <numerusform>Retirer %n cadre dans un rectangle</numerusform>
            <numerusform>Retirer %n cadres dans un rectangle</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/review.py" line="68"/>
        <source>No box has its centre in that rectangle.</source>
        <translation>Aucun cadre n’a son centre dans ce rectangle.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/gui/editing/review.py" line="77"/>
        <source>Keep only the distal row (%n taken out)</source>
        <translation>
            <numerusform>Ne garder que la rangée distale (%n retiré)</numerusform>
            <numerusform>Ne garder que la rangée distale (%n retirés)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/editing/review.py" line="78"/>
        <source>Every box is already a loop of the distal row.</source>
        <translation>Tous les cadres sont déjà des anses de la rangée distale.</translation>
    </message>
</context>
<context>
    <name>Ruler</name>
    <message>
        <location filename="../../capseg_desktop/gui/scale/ruler.py" line="27"/>
        <source>Ruler: %1 px (no scale: set one to measure in µm)</source>
        <translation>Règle&#xa0;: %1 px (pas d’échelle&#xa0;: réglez-en une pour mesurer en µm)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/ruler.py" line="28"/>
        <source>Ruler: %1 µm (%2 px)</source>
        <translation>Règle&#xa0;: %1 µm (%2 px)</translation>
    </message>
</context>
<context>
    <name>ScaleController</name>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="71"/>
        <source>Microscope profile</source>
        <extracomment>(image path, source) of a scale set for the image on screen only.</extracomment>
        <translation>Profil de microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="72"/>
        <source>The microscope&apos;s scale for every image (Model &gt; Microscopes… adds and edits them)</source>
        <translation>L&apos;échelle du microscope pour toutes les images (Modèle &gt; Microscopes… pour en ajouter et les modifier)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="77"/>
        <source>Scale and where it comes from</source>
        <translation>Échelle et sa provenance</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="98"/>
        <source>Scale and measurements</source>
        <translation>Échelle et mesures</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="101"/>
        <source>Microscope: </source>
        <translation>Microscope&#xa0;: </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="105"/>
        <source>Microscopes…</source>
        <translation>Microscopes…</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="105"/>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="115"/>
        <source>Calibrate</source>
        <translation>Étalonner</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="105"/>
        <source>Ruler</source>
        <translation>Règle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="106"/>
        <source>Distal row</source>
        <translation>Rangée distale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="106"/>
        <source>1 mm window</source>
        <translation>Fenêtre de 1 mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="138"/>
        <source>No scale</source>
        <translation>Aucune échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="140"/>
        <source>%1 (%2 µm/px)</source>
        <translation>%1 (%2 µm/px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="174"/>
        <source>No scale: measurements in pixels</source>
        <translation>Aucune échelle&#xa0;: mesures en pixels</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="177"/>
        <source>%1 µm/px from profile &apos;%2&apos;</source>
        <translation>%1 µm/px du profil «&#xa0;%2&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="179"/>
        <source>%1 µm/px set for this image</source>
        <translation>%1 µm/px définie pour cette image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="181"/>
        <source>%1 µm/px from a calibrated line (this image)</source>
        <translation>%1 µm/px d&apos;un trait étalonné (cette image)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="182"/>
        <source>%1 µm/px as typed in the Scale box</source>
        <translation>%1 µm/px saisie dans le champ Échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="198"/>
        <source>No scale (px)</source>
        <translation>Aucune échelle (px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="199"/>
        <source>profile %1</source>
        <translation>profil %1</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="199"/>
        <source>this image</source>
        <translation>cette image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="200"/>
        <source>calibrated line</source>
        <translation>trait étalonné</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="200"/>
        <source>typed</source>
        <translation>saisie</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="201"/>
        <source>%1 µm/px (%2)</source>
        <translation>%1 µm/px (%2)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="261"/>
        <source>Density in the 1 mm window: drag its tab along the strip.</source>
        <translation>Densité dans la fenêtre de 1 mm&#xa0;: faites glisser son onglet le long de la bande.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="271"/>
        <source>The 1 mm window waits for a scale: choose a microscope or calibrate.</source>
        <translation>La fenêtre de 1 mm attend une échelle&#xa0;: choisissez un microscope ou étalonnez.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="274"/>
        <source>No 1 mm window: this image is only %1 mm wide.</source>
        <translation>Pas de fenêtre de 1 mm&#xa0;: cette image ne fait que %1 mm de large.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="277"/>
        <source>No 1 mm window: the distal row does not run across this image.</source>
        <translation>Pas de fenêtre de 1 mm&#xa0;: la rangée distale ne traverse pas cette image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="326"/>
        <source>Microscope %1: %2 µm/px.</source>
        <translation>Microscope %1&#xa0;: %2 µm/px.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="327"/>
        <source>No microscope profile: measurements in pixels.</source>
        <translation>Aucun profil de microscope&#xa0;: mesures en pixels.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="340"/>
        <source>The microscope&apos;s own model was not loaded</source>
        <translation>Le modèle propre au microscope n’a pas été chargé</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="359"/>
        <source>Microscope profiles not read</source>
        <translation>Profils de microscope non lus</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="390"/>
        <source>Profiles not saved</source>
        <translation>Profils non enregistrés</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="405"/>
        <source>Calibrate: drag a line over a known length (a calibration slide, a scale bar); Esc: back to Select.</source>
        <translation>Étalonner&#xa0;: tracez un trait sur une longueur connue (lame d&apos;étalonnage, barre d&apos;échelle)&#xa0;; Échap&#xa0;: retour à Sélection.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="413"/>
        <source>The line is too short: draw it over the whole known length.</source>
        <translation>Le trait est trop court&#xa0;: tracez-le sur toute la longueur connue.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="426"/>
        <source>Calibration cancelled: the scale is unchanged.</source>
        <translation>Étalonnage annulé&#xa0;: l&apos;échelle est inchangée.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="433"/>
        <source>Profile not saved</source>
        <translation>Profil non enregistré</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/gui/scale/controller.py" line="441"/>
        <source>Scale %1 µm/px from the calibrated line, for this image only.</source>
        <translation>Échelle de %1 µm/px d&apos;après le trait étalonné, pour cette image seulement.</translation>
    </message>
</context>
</TS>
