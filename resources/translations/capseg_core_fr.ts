<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>Adapt</name>
    <message>
        <location filename="../../capseg_desktop/core/adaptation.py" line="37"/>
        <source>&quot;{name}&quot; could not be read; it is left out of the proposal.</source>
        <extracomment>The long side of the thumbnail the features are read from. The coarse layout of the luma: this many cells a side.</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n’a pas pu être lu&#xa0;; il est laissé hors de la proposition.</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <location filename="../../capseg_desktop/core/pipeline.py" line="266"/>
        <source>With {scale} µm per pixel the capillary limbs would be about {limb} µm wide, which is implausible (usually {low}-{high} µm): check that the scale is this microscope&apos;s and magnification&apos;s.</source>
        <extracomment>This module&apos;s sentences with a count (see ``core.texts.Plurals``). Warnings about the picture and the model&apos;s output (not about the µm per pixel, which a recount may change). The model&apos;s count when ``counted`` holds an edited one (see ``with_edits``).</extracomment>
        <translation>Avec {scale} µm par pixel, les branches des anses capillaires mesureraient environ {limb} µm de large, ce qui est invraisemblable (habituellement {low} à {high} µm)&#xa0;: vérifiez que l’échelle est bien celle de ce microscope et de ce grossissement.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/pipeline.py" line="280"/>
        <source>The width of the vessels could not be measured (too little contrast, or mostly dark border), so the image was analysed at its own size: check the count.</source>
        <translation>La largeur des vaisseaux n’a pas pu être mesurée (contraste trop faible ou bord surtout sombre)&#xa0;; l’image a donc été analysée à sa taille d’origine&#xa0;: vérifiez le comptage.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/pipeline.py" line="404"/>
        <source>The vessels of this image look {ratio} times as wide as those the microscope profile learnt (limbs about {own} px against {shared} px): check that the profile is this microscope&apos;s and magnification&apos;s; it was analysed at the profile&apos;s scale.</source>
        <extracomment>A folder&apos;s shared scale is the median of the estimates of at most this many of its images. The analyzer for pictures lit green (``core.light``): used instead of this one when an analysis asks for the models&apos; own counting parameters (``params=None``) and chooses the scale itself. ``None``: every picture with this model.</extracomment>
        <translation>Les vaisseaux de cette image paraissent {ratio} fois plus larges que ceux appris pour le profil du microscope (branches d’environ {own} px contre {shared} px)&#xa0;: vérifiez que le profil est celui de ce microscope et de ce grossissement&#xa0;; elle a été analysée à l’échelle du profil.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/pipeline.py" line="411"/>
        <source>The vessels of this image look {ratio} times as wide as in the other images of its folder (limbs about {own} px against {shared} px): it may come from another microscope or magnification; it was analysed at the folder&apos;s scale.</source>
        <translation>Les vaisseaux de cette image paraissent {ratio} fois plus larges que dans les autres images de son dossier (branches d’environ {own} px contre {shared} px)&#xa0;: elle vient peut-être d’un autre microscope ou grossissement&#xa0;; elle a été analysée à l’échelle du dossier.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/pipeline.py" line="456"/>
        <source>Image read</source>
        <translation>Image lue</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/segment.py" line="80"/>
        <source>Segmented</source>
        <translation>Segmentation terminée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/segment.py" line="106"/>
        <source>Segmented tile {done} of {total}</source>
        <translation>Tuile {done} sur {total} segmentée</translation>
    </message>
</context>
<context>
    <name>Batch</name>
    <message>
        <location filename="../../capseg_desktop/core/batch.py" line="57"/>
        <source>&quot;{name}&quot; could not be analysed (internal error; details in the log).</source>
        <extracomment>What an image&apos;s outputs are called: ``NAME_annotated.png``, ``NAME_mask.png``, ``NAME.json``. The JSON comes last: it is committed last, so its presence means the set is complete.</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n’a pas pu être analysée (erreur interne&#xa0;; détails dans le journal).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/batch.py" line="70"/>
        <source>&quot;{name}&quot; could not be analysed: there was not enough free memory (close other programs, or analyse it alone).</source>
        <translation>«&#xa0;{name}&#xa0;» n’a pas pu être analysée&#xa0;: la mémoire libre était insuffisante (fermez d’autres programmes ou analysez-la seule).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/batch.py" line="121"/>
        <source>The corrections of &quot;{name}&quot; were made on the count of another model ({model}); they were replayed on this model&apos;s count where they still apply.</source>
        <translation>Les corrections de «&#xa0;{name}&#xa0;» ont été faites sur le comptage d’un autre modèle ({model})&#xa0;; elles ont été rejouées sur le comptage de ce modèle là où elles s’appliquent encore.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/batch.py" line="129"/>
        <source>The corrections of &quot;{name}&quot; gave {saved} capillaries when saved but {replayed} when replayed; check this image in the window.</source>
        <translation>Les corrections de «&#xa0;{name}&#xa0;» donnaient {saved} capillaires à l’enregistrement mais {replayed} une fois rejouées&#xa0;; vérifiez cette image dans la fenêtre.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/batch.py" line="146"/>
        <source>The analysis was cancelled before this image was finished.</source>
        <translation>L’analyse a été annulée avant la fin de cette image.</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="66"/>
        <location filename="../../capseg_desktop/cli/analyze.py" line="37"/>
        <source>The folder &quot;{path}&quot; holds no PNG, JPEG, TIFF or BMP images.</source>
        <translation>Le dossier «&#xa0;{path}&#xa0;» ne contient aucune image PNG, JPEG, TIFF ou BMP.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/adapt.py" line="72"/>
        <source>Images to review (%n of {total} in {folder}):</source>
        <translation>
            <numerusform>Image à revoir (%n sur {total} dans {folder})&#xa0;:</numerusform>
            <numerusform>Images à revoir (%n sur {total} dans {folder})&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="75"/>
        <source>reviewed</source>
        <translation>revue</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="75"/>
        <source>to review</source>
        <translation>à revoir</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/adapt.py" line="82"/>
        <source>%n image(s) of the folder are reviewed; adapting needs at least {least}. Open the images marked &quot;to review&quot; in CapSeg Desktop, correct their boxes and save (Ctrl+S), then run this command again.</source>
        <translation>
            <numerusform>%n image du dossier est revue&#xa0;; l’adaptation en demande au moins {least}. Ouvrez les images marquées «&#xa0;à revoir&#xa0;» dans CapSeg Desktop, corrigez leurs cadres et enregistrez (Ctrl+S), puis relancez cette commande.</numerusform>
            <numerusform>%n images du dossier sont revues&#xa0;; l’adaptation en demande au moins {least}. Ouvrez les images marquées «&#xa0;à revoir&#xa0;» dans CapSeg Desktop, corrigez leurs cadres et enregistrez (Ctrl+S), puis relancez cette commande.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="100"/>
        <source>No Keras model to adapt from was found (the bundled capseg_unet.keras); give --base FILE.</source>
        <translation>Aucun modèle Keras à adapter n’a été trouvé (le capseg_unet.keras fourni)&#xa0;; indiquez --base FICHIER.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/adapt.py" line="110"/>
        <source>Learning from %n reviewed image(s); {aside} kept aside to compare the models: {names}.</source>
        <translation>
            <numerusform>Apprentissage sur %n image revue&#xa0;; {aside} mise(s) de côté pour comparer les modèles&#xa0;: {names}.</numerusform>
            <numerusform>Apprentissage sur %n images revues&#xa0;; {aside} mise(s) de côté pour comparer les modèles&#xa0;: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="113"/>
        <source>epoch {epoch} of {epochs} (about {seconds} s left)</source>
        <translation>époque {epoch} sur {epochs} (environ {seconds}&#xa0;s restantes)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="160"/>
        <source>The adapted model was not kept; run the command again with --keep to keep it.</source>
        <translation>Le modèle adapté n’a pas été conservé&#xa0;; relancez la commande avec --keep pour le conserver.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="162"/>
        <source>Count with this model for the microscope &quot;{name}&quot; from now on? [y/N] </source>
        <translation>Compter désormais avec ce modèle pour le microscope «&#xa0;{name}&#xa0;»&#xa0;? [o/N] </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="167"/>
        <source>y</source>
        <translation>o</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="167"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="169"/>
        <source>The adapted model was not kept.</source>
        <translation>Le modèle adapté n’a pas été conservé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="182"/>
        <source>The adapted model finds the capillaries of the images kept aside less well than the model it started from.</source>
        <translation>Le modèle adapté trouve moins bien les capillaires des images mises de côté que le modèle dont il est parti.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="223"/>
        <source>The microscope profile &quot;{name}&quot; now counts with {file}.</source>
        <translation>Le profil de microscope «&#xa0;{name}&#xa0;» compte désormais avec {file}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="42"/>
        <location filename="../../capseg_desktop/cli/exam.py" line="45"/>
        <location filename="../../capseg_desktop/cli/exam.py" line="174"/>
        <source>&quot;{path}&quot; does not exist.</source>
        <translation>«&#xa0;{path}&#xa0;» n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/common.py" line="216"/>
        <source>No model given and no bundled model found in models/; use --model FILE.</source>
        <translation>Aucun modèle indiqué et aucun modèle fourni trouvé dans models/&#xa0;; utilisez --model FICHIER.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/common.py" line="226"/>
        <source>The model {name} could not be loaded (internal error; details in the log).</source>
        <translation>Le modèle {name} n’a pas pu être chargé (erreur interne&#xa0;; détails dans le journal).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="94"/>
        <source>The output folder &quot;{folder}&quot; cannot be created ({reason}).</source>
        <translation>Le dossier de sortie «&#xa0;{folder}&#xa0;» ne peut pas être créé ({reason}).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="100"/>
        <source>Nothing to analyse: no image was found in what was given.</source>
        <translation>Rien à analyser&#xa0;: aucune image n’a été trouvée dans ce qui a été indiqué.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="238"/>
        <source>{path}: warning: {message}</source>
        <translation>{path}&#xa0;: avertissement&#xa0;: {message}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="203"/>
        <source>The run was interrupted before this image was finished.</source>
        <translation>L’exécution a été interrompue avant la fin de cette image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="253"/>
        <source>The summary &quot;{path}&quot; could not be written (internal error; details in the log).</source>
        <translation>Le récapitulatif «&#xa0;{path}&#xa0;» n’a pas pu être écrit (erreur interne&#xa0;; détails dans le journal).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="259"/>
        <source>Interrupted; files already written are complete, none is half-written. Summary: {path}</source>
        <translation>Interrompu&#xa0;; les fichiers déjà écrits sont complets, aucun n’est à moitié écrit. Récapitulatif&#xa0;: {path}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/analyze.py" line="270"/>
        <source>{finished} of %n image(s) analysed, {count} capillaries; summary: {path}</source>
        <translation>
            <numerusform>{finished} image analysée sur %n, {count} capillaires&#xa0;; récapitulatif&#xa0;: {path}</numerusform>
            <numerusform>{finished} images analysées sur %n, {count} capillaires&#xa0;; récapitulatif&#xa0;: {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/analyze.py" line="276"/>
        <source>%n result(s) carry a warning; see the message column of {path}.</source>
        <translation>
            <numerusform>%n résultat comporte un avertissement&#xa0;; voir la colonne message de {path}.</numerusform>
            <numerusform>%n résultats comportent un avertissement&#xa0;; voir la colonne message de {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/analyze.py" line="282"/>
        <source>%n image(s) could not be analysed; see the status column of {path}. Details are in the log file {log}.</source>
        <translation>
            <numerusform>%n image n’a pas pu être analysée&#xa0;; voir la colonne status de {path}. Les détails sont dans le fichier journal {log}.</numerusform>
            <numerusform>%n images n’ont pas pu être analysées&#xa0;; voir la colonne status de {path}. Les détails sont dans le fichier journal {log}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/analyze.py" line="286"/>
        <source>%n image(s) could not be analysed; see the status column of {path}.</source>
        <translation>
            <numerusform>%n image n’a pas pu être analysée&#xa0;; voir la colonne status de {path}.</numerusform>
            <numerusform>%n images n’ont pas pu être analysées&#xa0;; voir la colonne status de {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/adapt.py" line="62"/>
        <location filename="../../capseg_desktop/cli/analyze.py" line="353"/>
        <location filename="../../capseg_desktop/cli/exam.py" line="196"/>
        <source>The folder &quot;{folder}&quot; does not exist.</source>
        <extracomment>Fewer reviewed images than this cannot be split into training and kept-aside ones.</extracomment>
        <translation>Le dossier «&#xa0;{folder}&#xa0;» n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="365"/>
        <source>No image in &quot;{folder}&quot; has corrections saved; nothing was written.</source>
        <translation>Aucune image de «&#xa0;{folder}&#xa0;» n’a de corrections enregistrées&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/analyze.py" line="369"/>
        <source>%n corrected image(s) written to {out}: images/, masks/ and points.json (for capseg train --real-images {images} --real-masks {masks}, and capseg evaluate --images {images} --points {points}).</source>
        <translation>
            <numerusform>%n image corrigée écrite dans {out}&#xa0;: images/, masks/ et points.json (pour capseg train --real-images {images} --real-masks {masks}, et capseg evaluate --images {images} --points {points}).</numerusform>
            <numerusform>%n images corrigées écrites dans {out}&#xa0;: images/, masks/ et points.json (pour capseg train --real-images {images} --real-masks {masks}, et capseg evaluate --images {images} --points {points}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/common.py" line="171"/>
        <source>No microscope profile is called &quot;{name}&quot;; the profiles are: {known}.</source>
        <extracomment>This module&apos;s sentences with a count (see ``core.texts.Plurals``). Micrometres per pixel a microscope image can plausibly have: 0.01 um/px (a 100x objective on a fine sensor) to 1000 um/px (a whole finger in a few pixels). Outside is a typo, and a value like 1e-308 would make the density infinite.</extracomment>
        <translation>Aucun profil de microscope ne s’appelle «&#xa0;{name}&#xa0;»&#xa0;; les profils sont&#xa0;: {known}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/common.py" line="173"/>
        <source>No microscope profile is called &quot;{name}&quot;; there are none yet (add them in the window&apos;s microscope profiles).</source>
        <translation>Aucun profil de microscope ne s’appelle «&#xa0;{name}&#xa0;»&#xa0;; il n’y en a encore aucun (ajoutez-les dans les profils de microscope de la fenêtre).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/analyze.py" line="294"/>
        <source>{path}: %n capillaries</source>
        <translation>
            <numerusform>{path}&#xa0;: %n capillaire</numerusform>
            <numerusform>{path}&#xa0;: %n capillaires</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="297"/>
        <source>, {density} per mm</source>
        <translation>, {density} par mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="299"/>
        <source> (corrected by hand: model {model}, {edits})</source>
        <translation> (corrigé à la main&#xa0;: modèle {model}, {edits})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="302"/>
        <source> (warning: {message})</source>
        <translation> (avertissement&#xa0;: {message})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="63"/>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="63"/>
        <source>reduced</source>
        <translation>diminuée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/exam.py" line="72"/>
        <source>{finger}: %n image(s) excluded</source>
        <translation>
            <numerusform>{finger}&#xa0;: %n image exclue</numerusform>
            <numerusform>{finger}&#xa0;: %n images exclues</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="74"/>
        <source>{finger}: no image used</source>
        <translation>{finger}&#xa0;: aucune image utilisée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="75"/>
        <source>{finger}: not examined</source>
        <translation>{finger}&#xa0;: non examiné</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="77"/>
        <source>distal density not assessed (no scale)</source>
        <translation>densité distale non évaluée (pas d’échelle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="79"/>
        <source>distal density {density} per mm ({flag})</source>
        <translation>densité distale {density} par mm ({flag})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/exam.py" line="81"/>
        <source>{finger}: %n image(s), {density}</source>
        <translation>
            <numerusform>{finger}&#xa0;: %n image, {density}</numerusform>
            <numerusform>{finger}&#xa0;: %n images, {density}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="83"/>
        <source>, {dilated} dilated, {giant} giant</source>
        <translation>, dilatées&#xa0;: {dilated}, géantes&#xa0;: {giant}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/exam.py" line="85"/>
        <source>, %n not used</source>
        <translation>
            <numerusform>, %n non utilisée</numerusform>
            <numerusform>, %n non utilisées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="88"/>
        <source>; fast track: {pattern}</source>
        <translation>&#xa0;; fast track&#xa0;: {pattern}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="96"/>
        <source>; shapes: {tortuous} tortuous, {crossing} crossing, {ramified} ramified</source>
        <translation>&#xa0;; formes&#xa0;: tortueuses&#xa0;: {tortuous}, croisées&#xa0;: {crossing}, ramifiées&#xa0;: {ramified}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="107"/>
        <source>Fast track pattern: {pattern}. {support}</source>
        <translation>Profil selon le fast track&#xa0;: {pattern}. {support}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="178"/>
        <source>Use --force-compare to compare them anyway.</source>
        <translation>Utilisez --force-compare pour les comparer quand même.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="192"/>
        <source>&quot;{path}&quot; already exists; nothing was written. Use --overwrite to replace it.</source>
        <translation>«&#xa0;{path}&#xa0;» existe déjà&#xa0;; rien n’a été écrit. Utilisez --overwrite pour le remplacer.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="255"/>
        <source>&quot;{name}&quot; is not assigned to a finger (name images like L2A.png or R5B.jpg); it is left out.</source>
        <translation>«&#xa0;{name}&#xa0;» n’est attribuée à aucun doigt (nommez les images comme L2A.png ou R5B.jpg)&#xa0;; elle est laissée de côté.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="261"/>
        <source>No image of this exam is assigned to a finger; nothing to analyse.</source>
        <translation>Aucune image de cet examen n’est attribuée à un doigt&#xa0;; rien à analyser.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="266"/>
        <source>No scale given (--profile or --um-per-px): densities and dilated or giant loops are not assessed.</source>
        <translation>Aucune échelle indiquée (--profile ou --um-per-px)&#xa0;: les densités et les anses dilatées ou géantes ne sont pas évaluées.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="141"/>
        <source>not assessed (no scale)</source>
        <translation>non évaluée (pas d’échelle)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/exam.py" line="145"/>
        <source>mean of %n finger(s) with a density</source>
        <translation>
            <numerusform>moyenne de %n doigt avec une densité</numerusform>
            <numerusform>moyenne de %n doigts avec une densité</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="146"/>
        <source>{density} per mm, {flag} ({fingers})</source>
        <translation>{density} par mm, {flag} ({fingers})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="149"/>
        <source>{giant} giant (giant loops present)</source>
        <translation>mégacapillaires&#xa0;: {giant} (présence de mégacapillaires)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="151"/>
        <source>{giant} giant (none)</source>
        <translation>mégacapillaires&#xa0;: {giant} (aucun)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="153"/>
        <source>Patient: mean distal density {density}; {dilated} dilated, {giant}; {used} image(s) used, {not_used} not used.</source>
        <translation>Patient&#xa0;: densité distale moyenne {density}&#xa0;; capillaires dilatés&#xa0;: {dilated}, {giant}&#xa0;; images utilisées&#xa0;: {used}, non utilisées&#xa0;: {not_used}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="155"/>
        <source>Patient: mean distal density {density}; dilated and giant loops not assessed (no scale); {used} image(s) used, {not_used} not used.</source>
        <translation>Patient&#xa0;: densité distale moyenne {density}&#xa0;; capillaires dilatés et mégacapillaires non évalués (pas d’échelle)&#xa0;; images utilisées&#xa0;: {used}, non utilisées&#xa0;: {not_used}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="208"/>
        <source>The earlier exam, of {date}:</source>
        <translation>L’examen précédent, du {date}&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/exam.py" line="293"/>
        <source>Report: {files}</source>
        <translation>Rapport&#xa0;: {files}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/exam.py" line="297"/>
        <source>%n image(s) could not be analysed and are listed as not used in the report. Details are in the log file {log}.</source>
        <translation>
            <numerusform>%n image n’a pas pu être analysée et figure comme non utilisée dans le rapport. Les détails sont dans le fichier journal {log}.</numerusform>
            <numerusform>%n images n’ont pas pu être analysées et figurent comme non utilisées dans le rapport. Les détails sont dans le fichier journal {log}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/cli/exam.py" line="301"/>
        <source>%n image(s) could not be analysed and are listed as not used in the report.</source>
        <translation>
            <numerusform>%n image n’a pas pu être analysée et figure comme non utilisée dans le rapport.</numerusform>
            <numerusform>%n images n’ont pas pu être analysées et figurent comme non utilisées dans le rapport.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="400"/>
        <source>&quot;{path}&quot; already exists; use --overwrite to replace it.</source>
        <translation>«&#xa0;{path}&#xa0;» existe déjà&#xa0;; utilisez --overwrite pour le remplacer.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/analyze.py" line="407"/>
        <source>Wrote {path} ({size} KiB)</source>
        <translation>{path} écrit ({size} Kio)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/__init__.py" line="90"/>
        <source>Interrupted; files already written are complete, none is half-written.</source>
        <translation>Interrompu&#xa0;; les fichiers déjà écrits sont complets, aucun n’est à moitié écrit.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="20"/>
        <source>model: the bundled model</source>
        <translation>modèle&#xa0;: le modèle fourni</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="21"/>
        <source>model: {model}; sha256 {sha}</source>
        <translation>modèle&#xa0;: {model}&#xa0;; sha256 {sha}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="30"/>
        <source>on the images kept aside: F1 {f1_before} -&gt; {f1_after}, count error {error_before} -&gt; {error_after}</source>
        <translation>sur les images mises de côté&#xa0;: F1 {f1_before} -&gt; {f1_after}, erreur de comptage {error_before} -&gt; {error_after}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="45"/>
        <source>No microscope profile yet (add them in the window&apos;s microscope profiles).</source>
        <translation>Aucun profil de microscope pour l’instant (ajoutez-les dans les profils de microscope de la fenêtre).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="51"/>
        <source>vessels: limbs of {width} px, learnt from its images</source>
        <translation>vaisseaux&#xa0;: branches de {width} px, apprises sur ses images</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="71"/>
        <source>The microscope profile &quot;{name}&quot; and its model are in {path}.</source>
        <translation>Le profil de microscope «&#xa0;{name}&#xa0;» et son modèle sont dans {path}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="83"/>
        <source>Nothing was imported. Use --replace to replace it, or --name NEW to import it under another name.</source>
        <translation>Rien n’a été importé. Utilisez --replace pour le remplacer, ou --name NOUVEAU pour l’importer sous un autre nom.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="87"/>
        <source>Imported the microscope profile &quot;{name}&quot;.</source>
        <translation>Profil de microscope «&#xa0;{name}&#xa0;» importé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="108"/>
        <source>The vessels&apos; width could not be measured on at least two images of {folder}; the profile is unchanged.</source>
        <translation>La largeur des vaisseaux n’a pas pu être mesurée sur au moins deux images de {folder}&#xa0;; le profil est inchangé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="115"/>
        <source>The folder {folder} cannot be read.</source>
        <translation>Le dossier {folder} ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/cli/microscope.py" line="118"/>
        <source>The microscope profile &quot;{name}&quot; now brings its images to the model&apos;s scale as limbs of {width} px (the median of {count} of its images).</source>
        <translation>Le profil de microscope «&#xa0;{name}&#xa0;» ramène désormais ses images à l’échelle du modèle avec des branches de {width} px (la médiane de {count} de ses images).</translation>
    </message>
</context>
<context>
    <name>Calibration</name>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="47"/>
        <source>The calibration line is too short: draw it over the whole known length.</source>
        <translation>Le trait d’étalonnage est trop court&#xa0;: tracez-le sur toute la longueur connue.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="48"/>
        <source>The known length must be a positive number of micrometres.</source>
        <translation>La longueur connue doit être un nombre positif de micromètres.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="49"/>
        <source>The µm per pixel must be a positive number.</source>
        <translation>Le nombre de µm par pixel doit être un nombre positif.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="50"/>
        <source>A microscope profile needs a name.</source>
        <translation>Un profil de microscope doit avoir un nom.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="51"/>
        <source>The microscope profiles file is damaged and was not read.</source>
        <translation>Le fichier des profils de microscope est endommagé et n’a pas été lu.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="52"/>
        <source>The microscope profiles file was saved by a newer version of CapSeg Desktop; update CapSeg Desktop to use it.</source>
        <translation>Le fichier des profils de microscope a été enregistré par une version plus récente de CapSeg Desktop&#xa0;; mettez CapSeg Desktop à jour pour l’utiliser.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="56"/>
        <source>no scale set: sizes in pixels, not assessed</source>
        <translation>aucune échelle définie&#xa0;: tailles en pixels, non évaluées</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="57"/>
        <source>the model&apos;s scale estimate only (not used for measurements)</source>
        <translation>estimation de l’échelle par le modèle uniquement (non utilisée pour les mesures)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="133"/>
        <source>{file}, kept on {date}</source>
        <extracomment>A line shorter than this (image pixels) cannot calibrate anything to better than 10 %.</extracomment>
        <translation>{file}, conservé le {date}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="134"/>
        <source>{file}, adapted from {base} on {date}</source>
        <translation>{file}, adapté de {base} le {date}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="335"/>
        <source>scale {scale} µm/px (profile {profile})</source>
        <extracomment>The profile&apos;s learnt limb width (pixels): the model&apos;s scale for this microscope.</extracomment>
        <translation>échelle {scale} µm/px (profil {profile})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="337"/>
        <source>scale {scale} µm/px (profile)</source>
        <translation>échelle {scale} µm/px (profil)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="338"/>
        <source>scale {scale} µm/px (calibrated line)</source>
        <translation>échelle {scale} µm/px (trait d’étalonnage)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="339"/>
        <source>scale {scale} µm/px (set for this image)</source>
        <translation>échelle {scale} µm/px (définie pour cette image)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="340"/>
        <source>scale {scale} µm/px (typed)</source>
        <translation>échelle {scale} µm/px (saisie)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/calibration.py" line="342"/>
        <source>scale {scale} µm/px ({source})</source>
        <translation>échelle {scale} µm/px ({source})</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="453"/>
        <source>The corrections file is damaged (it is not readable JSON).</source>
        <extracomment>This module&apos;s sentences with a count (see ``core.texts.Plurals``). Version 2 added the clinician&apos;s flags (``flag`` edits); a sidecar without them is still written as version 1, so that an older CapSeg reads it as before. Tests and locked-down machines: a folder for corrections that cannot sit beside their image. Radius of the disk that &quot;add by click&quot; falls back to where the model saw nothing.</extracomment>
        <translation>Le fichier de corrections est endommagé (ce n’est pas du JSON lisible).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="454"/>
        <source>The file is not a CapSeg corrections file.</source>
        <translation>Ce fichier n’est pas un fichier de corrections CapSeg.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="455"/>
        <source>The corrections file is damaged (it states no format version).</source>
        <translation>Le fichier de corrections est endommagé (il n’indique aucune version de format).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="456"/>
        <source>The corrections file was saved by a newer version of CapSeg Desktop (format {version}, this version reads up to {supported}); update CapSeg Desktop to use it.</source>
        <translation>Le fichier de corrections a été enregistré par une version plus récente de CapSeg Desktop (format {version}, cette version lit jusqu’au format {supported})&#xa0;; mettez CapSeg Desktop à jour pour l’utiliser.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="461"/>
        <source>The corrections file is damaged (a part of it is missing or not what it should be).</source>
        <translation>Le fichier de corrections est endommagé (une partie manque ou n’est pas ce qu’elle devrait être).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="467"/>
        <source>The corrections file &quot;{name}&quot; is damaged (it is not readable JSON).</source>
        <translation>Le fichier de corrections «&#xa0;{name}&#xa0;» est endommagé (ce n’est pas du JSON lisible).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="468"/>
        <source>The file &quot;{name}&quot; is not a CapSeg corrections file.</source>
        <translation>Le fichier «&#xa0;{name}&#xa0;» n’est pas un fichier de corrections CapSeg.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="469"/>
        <source>The corrections file &quot;{name}&quot; is damaged (it states no format version).</source>
        <translation>Le fichier de corrections «&#xa0;{name}&#xa0;» est endommagé (il n’indique aucune version de format).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="470"/>
        <source>The corrections file &quot;{name}&quot; was saved by a newer version of CapSeg Desktop (format {version}, this version reads up to {supported}); update CapSeg Desktop to use it.</source>
        <translation>Le fichier de corrections «&#xa0;{name}&#xa0;» a été enregistré par une version plus récente de CapSeg Desktop (format {version}, cette version lit jusqu’au format {supported})&#xa0;; mettez CapSeg Desktop à jour pour l’utiliser.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="475"/>
        <source>The corrections file &quot;{name}&quot; is damaged (a part of it is missing or not what it should be).</source>
        <translation>Le fichier de corrections «&#xa0;{name}&#xa0;» est endommagé (une partie manque ou n’est pas ce qu’elle devrait être).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="524"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="723"/>
        <source>The corrections of &quot;{name}&quot; could not be saved: {reason}</source>
        <extracomment>How the image was resized for the model when it was counted (``None``: not recorded, or at its own size); ``capseg analyze --use-corrections`` resizes it the same way.</extracomment>
        <translation>Les corrections de «&#xa0;{name}&#xa0;» n’ont pas pu être enregistrées&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="734"/>
        <source>The corrections of &quot;{name}&quot; could not be saved, neither beside the image nor in &quot;{folder}&quot;.</source>
        <translation>Les corrections de «&#xa0;{name}&#xa0;» n’ont pu être enregistrées ni à côté de l’image ni dans «&#xa0;{folder}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="769"/>
        <source>The corrections file &quot;{name}&quot; cannot be read.</source>
        <translation>Le fichier de corrections «&#xa0;{name}&#xa0;» ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="782"/>
        <source>it was saved for &quot;{name}&quot;</source>
        <translation>il a été enregistré pour «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="784"/>
        <source>it was saved for a picture of {width} x {height} pixels, this one is {this_width} x {this_height}</source>
        <translation>il a été enregistré pour une image de {width} x {height} pixels, celle-ci mesure {this_width} x {this_height}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="788"/>
        <source>the picture has changed since the corrections were saved</source>
        <translation>l’image a changé depuis l’enregistrement des corrections</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="791"/>
        <source>The corrections in &quot;{file}&quot; do not belong to &quot;{image}&quot; ({reason}); they were not used.</source>
        <translation>Les corrections de «&#xa0;{file}&#xa0;» n’appartiennent pas à «&#xa0;{image}&#xa0;» ({reason})&#xa0;; elles n’ont pas été utilisées.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="795"/>
        <source>The corrections in the corrections file do not belong to &quot;{image}&quot; ({reason}); they were not used.</source>
        <translation>Les corrections du fichier de corrections n’appartiennent pas à «&#xa0;{image}&#xa0;» ({reason})&#xa0;; elles n’ont pas été utilisées.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="837"/>
        <source>The corrections file &quot;{name}&quot; could not be removed from &quot;{folder}&quot;.</source>
        <translation>Le fichier de corrections «&#xa0;{name}&#xa0;» n’a pas pu être supprimé de «&#xa0;{folder}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/corrections.py" line="882"/>
        <source>&quot;{name}&quot; was left out: another image of that name was exported already.</source>
        <translation>«&#xa0;{name}&#xa0;» a été laissée de côté&#xa0;: une autre image de ce nom a déjà été exportée.</translation>
    </message>
</context>
<context>
    <name>Counting</name>
    <message>
        <location filename="../../capseg_desktop/core/counting.py" line="51"/>
        <source>threshold {threshold}, min area {min_area} px, merge &lt; {merge} px, split &gt; {split} px</source>
        <translation>seuil {threshold}, aire min. {min_area} px, fusion &lt; {merge} px, séparation &gt; {split} px</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/corrections.py" line="515"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n supprimé</numerusform>
            <numerusform>%n supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/corrections.py" line="515"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/corrections.py" line="517"/>
        <source>%n merged</source>
        <translation>
            <numerusform>%n fusionné</numerusform>
            <numerusform>%n fusionnés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/corrections.py" line="518"/>
        <source>%n split</source>
        <translation>
            <numerusform>%n séparé</numerusform>
            <numerusform>%n séparés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/corrections.py" line="519"/>
        <source>%n painted</source>
        <translation>
            <numerusform>%n peint</numerusform>
            <numerusform>%n peints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/corrections.py" line="520"/>
        <source>%n erased</source>
        <translation>
            <numerusform>%n effacé</numerusform>
            <numerusform>%n effacés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/corrections.py" line="521"/>
        <source>%n flagged by the clinician</source>
        <translation>
            <numerusform>%n signalé par le clinicien</numerusform>
            <numerusform>%n signalés par le clinicien</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Exam</name>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="85"/>
        <source>The exam file &quot;{name}&quot; does not exist.</source>
        <extracomment>This module&apos;s sentences with a count (see ``core.texts.Plurals``). What an exam file is called: ``anything.capseg-exam.json``. Fingers 2 to 5 of the left (L) and right (R) hand; thumbs are not examined. A finger&apos;s status (``FingerSummary.status``) besides ``used`` and ``excluded``. Every sentence of this module, in one place, looked up in the user&apos;s language (issue 13).</extracomment>
        <translation>Le fichier d’examen «&#xa0;{name}&#xa0;» n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="86"/>
        <source>The exam file &quot;{name}&quot; cannot be read.</source>
        <translation>Le fichier d’examen «&#xa0;{name}&#xa0;» ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="87"/>
        <source>The file &quot;{name}&quot; is not a CapSeg exam (it is not JSON text).</source>
        <translation>Le fichier «&#xa0;{name}&#xa0;» n’est pas un examen CapSeg (ce n’est pas du texte JSON).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="88"/>
        <source>The file &quot;{name}&quot; is not a CapSeg exam.</source>
        <translation>Le fichier «&#xa0;{name}&#xa0;» n’est pas un examen CapSeg.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="89"/>
        <source>The exam file &quot;{name}&quot; was written by a newer CapSeg (format version {version}); update CapSeg to open it.</source>
        <translation>Le fichier d’examen «&#xa0;{name}&#xa0;» a été écrit par une version plus récente de CapSeg (version de format {version})&#xa0;; mettez CapSeg à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="92"/>
        <source>The exam file &quot;{name}&quot; is damaged: {what}.</source>
        <translation>Le fichier d’examen «&#xa0;{name}&#xa0;» est endommagé&#xa0;: {what}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="93"/>
        <source>finger &quot;{finger}&quot; is not one of L2, L3, L4, L5, R2, R3, R4, R5</source>
        <translation>le doigt «&#xa0;{finger}&#xa0;» ne fait pas partie de L2, L3, L4, L5, R2, R3, R4, R5</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="94"/>
        <source>The finger &quot;{finger}&quot; is not one of L2, L3, L4, L5, R2, R3, R4, R5.</source>
        <translation>Le doigt «&#xa0;{finger}&#xa0;» ne fait pas partie de L2, L3, L4, L5, R2, R3, R4, R5.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="95"/>
        <source>The date &quot;{date}&quot; is not a date written as YYYY-MM-DD.</source>
        <translation>La date «&#xa0;{date}&#xa0;» n’est pas une date écrite AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="96"/>
        <source>The scale must be a number of micrometres per pixel above 0.</source>
        <translation>L’échelle doit être un nombre de micromètres par pixel supérieur à 0.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="97"/>
        <source>not analysed yet</source>
        <translation>pas encore analysée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="98"/>
        <source>not assigned to a finger</source>
        <translation>attribuée à aucun doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="99"/>
        <source>not assessed (no scale)</source>
        <translation>non évalué (pas d’échelle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="100"/>
        <source>its format version is missing</source>
        <translation>sa version de format manque</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="101"/>
        <source>&quot;{key}&quot; is not text</source>
        <translation>«&#xa0;{key}&#xa0;» n’est pas du texte</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="102"/>
        <source>&quot;um_per_px&quot; is not a number above 0</source>
        <translation>«&#xa0;um_per_px&#xa0;» n’est pas un nombre supérieur à 0</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="103"/>
        <source>&quot;images&quot; is not a list</source>
        <translation>«&#xa0;images&#xa0;» n’est pas une liste</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="104"/>
        <source>image {index} has no path</source>
        <translation>l’image {index} n’a pas de chemin</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="105"/>
        <source>the reason for excluding image {index} is not text</source>
        <translation>le motif d’exclusion de l’image {index} n’est pas du texte</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="106"/>
        <source>its date &quot;{date}&quot; is not written as YYYY-MM-DD</source>
        <translation>sa date «&#xa0;{date}&#xa0;» n’est pas écrite AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/exam.py" line="107"/>
        <source>its signature date &quot;{date}&quot; is not written as YYYY-MM-DD</source>
        <translation>sa date de signature «&#xa0;{date}&#xa0;» n’est pas écrite AAAA-MM-JJ</translation>
    </message>
</context>
<context>
    <name>ExamFigures</name>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/exam.py" line="772"/>
        <source>mean over %n finger(s) with a density</source>
        <extracomment>The clinician&apos;s conclusion and signature (name, date YYYY-MM-DD), printed at the end of the report; &quot;&quot; when not given (and absent from files written before they existed). Shape label (``core.shape.SHAPES``) -&gt; loops; ``None`` when not known. Haemorrhages (``core.haemorrhage``); ``None`` when not looked for. The model that counted it (file name, sha256): a microscope profile&apos;s own or the bundled one. Whether dilated and giant loops could be judged on at least one used image (a scale). Shape label -&gt; loops over the used images (every label, 0 when none). The EULAR fast track pattern on the finger&apos;s figures (``None``: no image used). Haemorrhages over the used images (``None``: looked for on none of them). Fingers whose density is reduced, in ``FINGERS`` order. Whether any image used was measured at a scale: without one, no loop can be called dilated or giant, and &quot;0 giant&quot; would be a claim nobody checked. Shape label -&gt; loops over the fingers. The EULAR fast track pattern of the patient (from the fingers&apos;, ``core.fasttrack``). Haemorrhages over the fingers (``None``: looked for on no image used). Images not assigned to a finger (not counted anywhere).</extracomment>
        <translation>
            <numerusform>moyenne sur %n doigt avec une densité</numerusform>
            <numerusform>moyenne sur %n doigts avec une densité</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../capseg_desktop/core/atomic.py" line="46"/>
        <source>CapSeg is not allowed to write to the folder &quot;{folder}&quot;; choose another folder.</source>
        <extracomment>Bytes a file name may have on the common file systems (ext4, NTFS in UTF-16 units, APFS). A temporary file of a process that is gone and older than this is stale. Any temporary file of ours older than this is stale, whichever machine wrote it.</extracomment>
        <translation>CapSeg n’a pas le droit d’écrire dans le dossier «&#xa0;{folder}&#xa0;»&#xa0;; choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/atomic.py" line="48"/>
        <source>The disk holding &quot;{folder}&quot; is full; free some space or choose another folder.</source>
        <translation>Le disque contenant «&#xa0;{folder}&#xa0;» est plein&#xa0;; libérez de la place ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/atomic.py" line="50"/>
        <source>The folder &quot;{folder}&quot; does not exist.</source>
        <translation>Le dossier «&#xa0;{folder}&#xa0;» n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/atomic.py" line="52"/>
        <source>The file name &quot;{name}&quot; is too long for this disk.</source>
        <translation>Le nom de fichier «&#xa0;{name}&#xa0;» est trop long pour ce disque.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/atomic.py" line="54"/>
        <source>&quot;{name}&quot; could not be written to &quot;{folder}&quot;.</source>
        <translation>«&#xa0;{name}&#xa0;» n’a pas pu être écrit dans «&#xa0;{folder}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/atomic.py" line="60"/>
        <source>&quot;{name}&quot; already exists in &quot;{folder}&quot;; it was not overwritten.</source>
        <translation>«&#xa0;{name}&#xa0;» existe déjà dans «&#xa0;{folder}&#xa0;»&#xa0;; il n’a pas été remplacé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/render.py" line="347"/>
        <source>The picture could not be encoded as PNG.</source>
        <extracomment>Letters after a flagged loop&apos;s number, so the marks read in black and white too. After the number (and letter) of a loop whose flags the clinician set (``core.overrides``). Purple: a haemorrhage (``core.haemorrhage``), its box and its &quot;H1&quot;, &quot;H2&quot; tag; no capillary box has this colour.</extracomment>
        <translation>L’image n’a pas pu être encodée en PNG.</translation>
    </message>
</context>
<context>
    <name>FastTrack</name>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="53"/>
        <source>scleroderma pattern</source>
        <extracomment>Rule 1: a density of this many capillaries per mm or more (with no giant loop). Rule 2: an &quot;extremely lowered density&quot;: this many capillaries per mm or less (with abnormal shapes). Rule 2&apos;s &quot;abnormal shapes&quot;: at least this many abnormal (ramified) loops. This tool&apos;s choice. Every sentence of the steps, looked up in the reader&apos;s language; ``english`` for the CSV.</extracomment>
        <translation>profil sclérodermique</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="54"/>
        <source>non-scleroderma pattern</source>
        <translation>profil non sclérodermique</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="55"/>
        <source>not assessable</source>
        <translation>non évaluable</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="56"/>
        <source>EULAR fast track algorithm</source>
        <translation>Algorithme «&#xa0;fast track&#xa0;» de l’EULAR</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="57"/>
        <source>EULAR fast track algorithm (Smith et al., Autoimmun Rev 2019): support for the clinician&apos;s reading, not a diagnosis.</source>
        <translation>Algorithme «&#xa0;fast track&#xa0;» de l’EULAR (Smith et al., Autoimmun Rev 2019)&#xa0;: une aide à la lecture du clinicien, pas un diagnostic.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="60"/>
        <source>Step 1: density {density} per mm (7 or more) and no giant loop: non-scleroderma pattern.</source>
        <translation>Étape 1&#xa0;: densité de {density} par mm (7 ou plus) et aucun mégacapillaire&#xa0;: profil non sclérodermique.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="62"/>
        <source>Step 1 not met: density {density} per mm (below 7).</source>
        <translation>Étape 1 non remplie&#xa0;: densité de {density} par mm (moins de 7).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="63"/>
        <source>Step 1 not met: giant loops present ({giants}).</source>
        <translation>Étape 1 non remplie&#xa0;: présence de mégacapillaires ({giants}).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="64"/>
        <source>Step 1 cannot be judged: density and giant loops not assessed (no scale).</source>
        <translation>Étape 1 impossible à juger&#xa0;: densité et mégacapillaires non évalués (pas d’échelle).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="66"/>
        <source>Step 2: giant loops present ({giants}): scleroderma pattern.</source>
        <translation>Étape 2&#xa0;: présence de mégacapillaires ({giants})&#xa0;: profil sclérodermique.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="67"/>
        <source>Step 2: density {density} per mm (3 or less) with abnormal shapes (ramified loops: {abnormal}): scleroderma pattern.</source>
        <translation>Étape 2&#xa0;: densité de {density} par mm (3 ou moins) avec des formes anormales (anses ramifiées&#xa0;: {abnormal})&#xa0;: profil sclérodermique.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="70"/>
        <source>Step 2 not met: no giant loop, and density {density} per mm (above 3).</source>
        <translation>Étape 2 non remplie&#xa0;: aucun mégacapillaire, et densité de {density} par mm (plus de 3).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="72"/>
        <source>Step 2 not met: no giant loop, and density {density} per mm (3 or less) without abnormal shapes.</source>
        <translation>Étape 2 non remplie&#xa0;: aucun mégacapillaire, et densité de {density} par mm (3 ou moins) sans forme anormale.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="74"/>
        <source>Step 2 cannot be judged: no giant loop and density {density} per mm (3 or less), but no loop&apos;s shape could be assessed.</source>
        <translation>Étape 2 impossible à juger&#xa0;: aucun mégacapillaire et densité de {density} par mm (3 ou moins), mais la forme d’aucune anse n’a pu être évaluée.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="77"/>
        <source>Step 2 cannot be judged: giant loops not assessed (no scale).</source>
        <translation>Étape 2 impossible à juger&#xa0;: mégacapillaires non évalués (pas d’échelle).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="78"/>
        <source>Step 3: neither step 1 nor step 2: non-scleroderma pattern.</source>
        <translation>Étape 3&#xa0;: ni l’étape 1 ni l’étape 2&#xa0;: profil non sclérodermique.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="79"/>
        <source>Haemorrhages: {count} (the fast track algorithm does not use them).</source>
        <translation>Hémorragies&#xa0;: {count} (l&apos;algorithme fast track ne les utilise pas).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="81"/>
        <source>Haemorrhages: not assessed (the fast track algorithm does not use them).</source>
        <translation>Hémorragies&#xa0;: non évaluées (l&apos;algorithme fast track ne les utilise pas).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="83"/>
        <source>Scleroderma pattern on {fingers}.</source>
        <translation>Profil sclérodermique sur {fingers}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="84"/>
        <source>Non-scleroderma pattern on {fingers}.</source>
        <translation>Profil non sclérodermique sur {fingers}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="85"/>
        <source>Not assessable on {fingers}.</source>
        <translation>Non évaluable sur {fingers}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/fasttrack.py" line="86"/>
        <source>No finger could be assessed.</source>
        <translation>Aucun doigt n’a pu être évalué.</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="41"/>
        <source>The exam of {date} is of the patient &quot;{then}&quot; and this one of &quot;{now}&quot;: two different patients are not compared.</source>
        <extracomment>Every sentence of the comparison, looked up in the user&apos;s language.</extracomment>
        <translation>L’examen du {date} est celui du patient «&#xa0;{then}&#xa0;» et celui-ci de «&#xa0;{now}&#xa0;»&#xa0;: deux patients différents ne sont pas comparés.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="44"/>
        <source>The exam of {date} or this one has no patient pseudonym: nothing says they are of the same patient, so they are not compared.</source>
        <translation>L’examen du {date} ou celui-ci n’a pas de pseudonyme de patient&#xa0;: rien ne dit qu’ils sont du même patient, ils ne sont donc pas comparés.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="47"/>
        <source>Compared with the exam of {date}</source>
        <translation>Comparé à l’examen du {date}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="48"/>
        <source>Loops are not matched across visits (the pictures differ): the figures are compared per finger, and new or vanished giant loops are the rise or fall of each finger&apos;s giant count.</source>
        <translation>Les anses ne sont pas appariées d’une visite à l’autre (les images diffèrent)&#xa0;: les chiffres sont comparés doigt par doigt, et les mégacapillaires nouveaux ou disparus sont la hausse ou la baisse du nombre de mégacapillaires de chaque doigt.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="51"/>
        <source>Haemorrhages are not matched across visits either: new or vanished haemorrhages are the rise or fall of each finger&apos;s count.</source>
        <translation>Les hémorragies ne sont pas non plus appariées d&apos;une visite à l&apos;autre&#xa0;: les hémorragies nouvelles ou disparues sont la hausse ou la baisse du nombre de chaque doigt.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="54"/>
        <source>{finger}: haemorrhages {haemorrhages}</source>
        <translation>{finger}&#xa0;: hémorragies {haemorrhages}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="55"/>
        <source>Patient: haemorrhages {haemorrhages}</source>
        <translation>Patient&#xa0;: hémorragies {haemorrhages}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="56"/>
        <source>Compared although the pseudonyms differ (&quot;{then}&quot; then, &quot;{now}&quot; now), as asked.</source>
        <translation>Comparés bien que les pseudonymes diffèrent («&#xa0;{then}&#xa0;» avant, «&#xa0;{now}&#xa0;» maintenant), comme demandé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="58"/>
        <source>not assessed</source>
        <translation>non évalué</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="59"/>
        <source>not examined</source>
        <translation>non examiné</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="60"/>
        <source>{finger}: distal density per mm {density}; giant loops {giant}; ramified loops {abnormal}; fast track: {pattern}</source>
        <translation>{finger}&#xa0;: densité distale par mm {density}&#xa0;; mégacapillaires {giant}&#xa0;; anses ramifiées {abnormal}&#xa0;; fast track&#xa0;: {pattern}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="62"/>
        <source>Patient: mean distal density per mm {density}; giant loops {giant}; ramified loops {abnormal}; fast track: {pattern}</source>
        <translation>Patient&#xa0;: densité distale moyenne par mm {density}&#xa0;; mégacapillaires {giant}&#xa0;; anses ramifiées {abnormal}&#xa0;; fast track&#xa0;: {pattern}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="64"/>
        <source>{finger}: not examined then nor now</source>
        <translation>{finger}&#xa0;: non examiné, ni avant ni maintenant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="65"/>
        <source>{then} → {now}</source>
        <translation>{then} → {now}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="66"/>
        <source>{then} → {now} ({change})</source>
        <translation>{then} → {now} ({change})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/followup.py" line="67"/>
        <source>{new} new, {vanished} vanished</source>
        <translation>nouveaux&#xa0;: {new}, disparus&#xa0;: {vanished}</translation>
    </message>
</context>
<context>
    <name>ImageIO</name>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="55"/>
        <source>{name} is a GIF image, not an image CapSeg can read (PNG, JPEG, TIFF or BMP).</source>
        <extracomment>Default pixel budget: an 8000 x 8000 scan fits, a 20000 x 20000 one is refused before any pixel is decoded.</extracomment>
        <translation>{name} est une image GIF, pas une image que CapSeg sait lire (PNG, JPEG, TIFF ou BMP).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="56"/>
        <source>{name} is a PDF document, not an image CapSeg can read (PNG, JPEG, TIFF or BMP).</source>
        <translation>{name} est un document PDF, pas une image que CapSeg sait lire (PNG, JPEG, TIFF ou BMP).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="57"/>
        <source>{name} is a ZIP archive or Office document, not an image CapSeg can read (PNG, JPEG, TIFF or BMP).</source>
        <translation>{name} est une archive ZIP ou un document Office, pas une image que CapSeg sait lire (PNG, JPEG, TIFF ou BMP).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="60"/>
        <source>{name} is an icon file, not an image CapSeg can read (PNG, JPEG, TIFF or BMP).</source>
        <translation>{name} est un fichier d’icône, pas une image que CapSeg sait lire (PNG, JPEG, TIFF ou BMP).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="61"/>
        <source>{name} is a Photoshop document, not an image CapSeg can read (PNG, JPEG, TIFF or BMP).</source>
        <translation>{name} est un document Photoshop, pas une image que CapSeg sait lire (PNG, JPEG, TIFF ou BMP).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="64"/>
        <source>{name} is a DICOM file, not an image CapSeg can read (PNG, JPEG, TIFF or BMP).</source>
        <translation>{name} est un fichier DICOM, pas une image que CapSeg sait lire (PNG, JPEG, TIFF ou BMP).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="71"/>
        <source>&quot;{file}&quot;</source>
        <translation>«&#xa0;{file}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="107"/>
        <source>{name} is a WebP image; CapSeg reads PNG, JPEG, TIFF and BMP images.</source>
        <translation>{name} est une image WebP&#xa0;; CapSeg lit les images PNG, JPEG, TIFF et BMP.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="109"/>
        <source>{name} is a HEIC/AVIF image; CapSeg reads PNG, JPEG, TIFF and BMP images.</source>
        <translation>{name} est une image HEIC/AVIF&#xa0;; CapSeg lit les images PNG, JPEG, TIFF et BMP.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="113"/>
        <source>{name} is not an image CapSeg can read (PNG, JPEG, TIFF or BMP).</source>
        <translation>{name} n’est pas une image que CapSeg sait lire (PNG, JPEG, TIFF ou BMP).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="146"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="159"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="408"/>
        <source>{name} is incomplete: the file was cut off, perhaps during copying. Copy it again from the microscope.</source>
        <translation>{name} est incomplet&#xa0;: le fichier a été tronqué, peut-être pendant la copie. Copiez-le à nouveau depuis le microscope.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="154"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="175"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="313"/>
        <source>{name} looks like a {format} image but is damaged and cannot be opened.</source>
        <extracomment>Side lengths OpenCV&apos;s decoders accept (CV_IO_MAX_IMAGE_WIDTH/HEIGHT). Below this on either side an image cannot show a capillary (a limb alone is 10-20 px wide). A JPEG needs at least a few bits per 8 x 8 block; a file with fewer bytes than this fraction of its announced pixels cannot hold the image its header claims (a 629-byte file claiming 10000 x 10000 would otherwise be decoded as 100 megapixels of grey for half a minute).</extracomment>
        <translation>{name} semble être une image {format}, mais il est endommagé et ne peut pas être ouvert.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="167"/>
        <source>{name} is damaged (a checksum inside the PNG file does not match) and cannot be opened.</source>
        <translation>{name} est endommagé (une somme de contrôle du fichier PNG ne correspond pas) et ne peut pas être ouvert.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="321"/>
        <source>{name} is too large to analyse ({width} x {height} pixels, {megapixels} megapixels; the limit is {limit} megapixels).</source>
        <translation>{name} est trop grand pour être analysé ({width} x {height} pixels, {megapixels} mégapixels&#xa0;; la limite est de {limit} mégapixels).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="334"/>
        <source>{name} contains an empty image (no pixels).</source>
        <translation>{name} contient une image vide (aucun pixel).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="339"/>
        <source>{name} is too large to analyse ({width} x {height} pixels; CapSeg reads images up to {limit} pixels a side).</source>
        <translation>{name} est trop grand pour être analysé ({width} x {height} pixels&#xa0;; CapSeg lit les images jusqu’à {limit} pixels de côté).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="345"/>
        <source>{name} is too small to analyse ({width} x {height} pixels; CapSeg needs at least {limit} pixels a side).</source>
        <translation>{name} est trop petit pour être analysé ({width} x {height} pixels&#xa0;; CapSeg a besoin d’au moins {limit} pixels de côté).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="372"/>
        <source>{name} is too large to analyse (more than {limit} megapixels, the limit).</source>
        <translation>{name} est trop grand pour être analysé (plus de {limit} mégapixels, la limite).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="397"/>
        <source>The file</source>
        <translation>Le fichier</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="399"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="533"/>
        <source>{name} is empty (0 bytes); it holds no image.</source>
        <translation>{name} est vide (0 octet)&#xa0;; il ne contient aucune image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="414"/>
        <source>{name} is damaged: the file is far too small to hold the {width} x {height} pixels its header announces.</source>
        <translation>{name} est endommagé&#xa0;: le fichier est bien trop petit pour contenir les {width} x {height} pixels annoncés par son en-tête.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="427"/>
        <source>There is not enough free memory to open {name} ({width} x {height} pixels).</source>
        <translation>La mémoire libre est insuffisante pour ouvrir {name} ({width} x {height} pixels).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="439"/>
        <source>{name} is damaged: the {format} decoder reported damage in its data, so it is not analysed. Copy it again from the microscope.</source>
        <translation>{name} est endommagé&#xa0;: le décodeur {format} a signalé des dommages dans ses données&#xa0;; il n’est donc pas analysé. Copiez-le à nouveau depuis le microscope.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="448"/>
        <source>{name} looks like a {format} image but is damaged and cannot be decoded.</source>
        <translation>{name} semble être une image {format}, mais il est endommagé et ne peut pas être décodé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="452"/>
        <source>{name} is damaged: its pixels do not match the size its header announces.</source>
        <translation>{name} est endommagé&#xa0;: ses pixels ne correspondent pas à la taille annoncée par son en-tête.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="460"/>
        <source>{name} stores its pixels in a way CapSeg does not support ({type}).</source>
        <translation>{name} stocke ses pixels d’une manière que CapSeg ne prend pas en charge ({type}).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="507"/>
        <source>The image {name} does not exist (it may have been moved or deleted).</source>
        <translation>L’image {name} n’existe pas (elle a peut-être été déplacée ou supprimée).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="510"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="523"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="544"/>
        <source>{name} could not be read from the disk.</source>
        <translation>{name} n’a pas pu être lu sur le disque.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="512"/>
        <source>{name} is a folder, not an image.</source>
        <translation>{name} est un dossier, pas une image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="515"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="529"/>
        <source>{name} is not an ordinary file (it is a pipe or a device), so it is not read.</source>
        <translation>{name} n’est pas un fichier ordinaire (c’est un tube ou un périphérique)&#xa0;; il n’est donc pas lu.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="521"/>
        <location filename="../../capseg_desktop/core/imageio.py" line="542"/>
        <source>CapSeg is not allowed to read {name}.</source>
        <translation>CapSeg n’a pas le droit de lire {name}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="539"/>
        <source>There is not enough free memory to read {name}.</source>
        <translation>La mémoire libre est insuffisante pour lire {name}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/imageio.py" line="574"/>
        <source>{name} is too large to analyse ({size} GB; images within the limit of {limit} megapixels are smaller).</source>
        <translation>{name} est trop grand pour être analysé ({size} Go&#xa0;; les images dans la limite de {limit} mégapixels sont plus petites).</translation>
    </message>
</context>
<context>
    <name>Light</name>
    <message>
        <location filename="../../capseg_desktop/core/light.py" line="53"/>
        <source>This picture is lit in green, and the bundled model misses most loops in green light: count it with the model for any light (Model &gt; Model for green light; capseg analyze does so unless given --no-light-model).</source>
        <extracomment>Red&apos;s share of the mean of the three channels under which a picture is lit green: green-LED pictures have 0.03-0.07, the reference strips 1.17-1.32, grey ones 1.0.</extracomment>
        <translation>Cette image est éclairée en vert, et le modèle fourni manque la plupart des boucles en lumière verte&#xa0;: comptez-la avec le modèle pour tout éclairage (Modèle &gt; Modèle pour lumière verte&#xa0;; capseg analyze le fait sauf avec --no-light-model).</translation>
    </message>
</context>
<context>
    <name>Measure</name>
    <message>
        <location filename="../../capseg_desktop/core/measure.py" line="138"/>
        <source>dilated from {dilated} µm, giant from {giant} µm</source>
        <extracomment>Below this density (distal loops per mm) the density is reduced (EULAR: normal about 7-12). A loop is behind the row when a loop within this many median loop widths on either side has its apex more than ``ROW_DEPTH_FRACTION`` of the typical loop length further out; the apex line is smoothed over as many widths. A loop is distal when its apex is within this fraction of the typical loop length of the line. A gap in the row is bridged from the row&apos;s loops up to this many median loop widths away ... ... and a loop in the gap is behind the row when it lies this many typical loop lengths behind. Blobs shorter than this fraction of the typical loop length are dashes (deeper capillaries seen end-on): they neither shape the apex line nor count in the distal row. A loop whose vessel has no usual direction (less than this much runs one way) takes the image&apos;s apex direction as its axis. The apex direction when no loop tells its open end from its closed end. Who set a loop&apos;s flags, as the JSON and the CSV say it (&quot;flags_by&quot;).</extracomment>
        <translation>dilaté à partir de {dilated} µm, mégacapillaire à partir de {giant} µm</translation>
    </message>
</context>
<context>
    <name>Microscope</name>
    <message>
        <location filename="../../capseg_desktop/core/microscope_file.py" line="43"/>
        <source>&quot;{name}&quot; is not a CapSeg microscope file, or it is damaged; nothing was imported.</source>
        <extracomment>No member of a microscope file is larger (the bundled model is about 1 MB): a bigger one is not ours, and is refused before it is unpacked.</extracomment>
        <translation>«&#xa0;{name}&#xa0;» n’est pas un fichier de microscope CapSeg, ou il est endommagé&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_file.py" line="44"/>
        <source>The model in &quot;{name}&quot; is not the one that was exported (its fingerprint differs); nothing was imported.</source>
        <translation>Le modèle contenu dans «&#xa0;{name}&#xa0;» n’est pas celui qui a été exporté (son empreinte diffère)&#xa0;; rien n’a été importé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_file.py" line="47"/>
        <source>&quot;{name}&quot; was saved by a newer version of CapSeg Desktop; update CapSeg Desktop to import it.</source>
        <translation>«&#xa0;{name}&#xa0;» a été enregistré par une version plus récente de CapSeg Desktop&#xa0;; mettez CapSeg Desktop à jour pour l’importer.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_file.py" line="50"/>
        <source>A microscope profile called &quot;{name}&quot; already exists; replace it, or import this one under another name.</source>
        <translation>Un profil de microscope nommé «&#xa0;{name}&#xa0;» existe déjà&#xa0;; remplacez-le, ou importez celui-ci sous un autre nom.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_file.py" line="53"/>
        <source>&quot;{name}&quot; could not be read.</source>
        <translation>«&#xa0;{name}&#xa0;» n’a pas pu être lu.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_models.py" line="42"/>
        <source>No microscope profile is called &quot;{name}&quot;.</source>
        <extracomment>Where the models of the profiles live, relative to the folder of the profiles file.</extracomment>
        <translation>Aucun profil de microscope ne s’appelle «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_models.py" line="43"/>
        <source>The model of the microscope profile &quot;{profile}&quot; ({file}) is missing; adapt the profile again or import it again.</source>
        <translation>Le modèle du profil de microscope «&#xa0;{profile}&#xa0;» ({file}) est introuvable&#xa0;; adaptez à nouveau le profil ou importez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_models.py" line="47"/>
        <source>The model of the microscope profile &quot;{profile}&quot; ({file}) has been changed since it was kept; it was not used. Adapt the profile again or import it again.</source>
        <translation>Le modèle du profil de microscope «&#xa0;{profile}&#xa0;» ({file}) a été modifié depuis qu’il a été conservé&#xa0;; il n’a pas été utilisé. Adaptez à nouveau le profil ou importez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_models.py" line="52"/>
        <source>{name} is not a .tflite model; a microscope profile keeps the .tflite file.</source>
        <translation>{name} n’est pas un modèle .tflite&#xa0;; un profil de microscope conserve le fichier .tflite.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/microscope_models.py" line="53"/>
        <source>The model could not be kept in &quot;{folder}&quot; ({reason}).</source>
        <translation>Le modèle n’a pas pu être conservé dans «&#xa0;{folder}&#xa0;» ({reason}).</translation>
    </message>
</context>
<context>
    <name>Model</name>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="148"/>
        <source>The model {name} gives {channels} output channels; CapSeg needs a model with one output channel (capillary probability).</source>
        <extracomment>Image sizes (height, width) the analysis really uses, tried at load after the tiny probes: a non-square one and a 1280 x 400 strip (last, so a strip of that size finds the runtime already sized for it). A model that accepts only one fixed size passes the tiny probes at its own size and fails here, at load, with a sentence, instead of on every image. Costs about 0.17 s with the bundled model on LiteRT.</extracomment>
        <translation>Le modèle {name} produit {channels} canaux de sortie&#xa0;; CapSeg a besoin d’un modèle à un seul canal de sortie (probabilité de capillaire).</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="157"/>
        <source>The model {name} does not produce a mask of the same size as its input, so it cannot be used to segment capillaries.</source>
        <translation>Le modèle {name} ne produit pas un masque de la même taille que son entrée&#xa0;; il ne peut donc pas servir à segmenter les capillaires.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="187"/>
        <source>The model {name} accepts only images of one fixed size ({width} x {height} pixels); CapSeg needs a model that accepts images of any size, such as a fully convolutional U-Net.</source>
        <translation>Le modèle {name} n’accepte que des images d’une taille fixe ({width} x {height} pixels)&#xa0;; CapSeg a besoin d’un modèle qui accepte des images de toute taille, comme un U-Net entièrement convolutif.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="195"/>
        <source>The model {name} fails on an image of {width} x {height} pixels, so it cannot analyse images of the usual sizes.</source>
        <translation>Le modèle {name} échoue sur une image de {width} x {height} pixels&#xa0;; il ne peut donc pas analyser les images de taille habituelle.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="396"/>
        <source>Fine-tuning and Keras models (.keras, .h5) need the training add-on, which is not installed: install capseg-desktop-training, published beside this app&apos;s installer, or use a .tflite model.</source>
        <translation>L’affinage et les modèles Keras (.keras, .h5) nécessitent le module d’entraînement, qui n’est pas installé&#xa0;: installez capseg-desktop-training, publié à côté du programme d’installation de cette application, ou utilisez un modèle .tflite.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="401"/>
        <location filename="../../capseg_desktop/core/model.py" line="418"/>
        <source>Keras models (.keras, .h5) need TensorFlow, which is not installed here; use a .tflite model instead.</source>
        <translation>Les modèles Keras (.keras, .h5) nécessitent TensorFlow, qui n’est pas installé ici&#xa0;; utilisez plutôt un modèle .tflite.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="431"/>
        <source>The model file {name} could not be opened: it is damaged or not a Keras model.</source>
        <translation>Le fichier de modèle {name} n’a pas pu être ouvert&#xa0;: il est endommagé ou ce n’est pas un modèle Keras.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="442"/>
        <source>The model {name} has {count} inputs; CapSeg needs a model with one image input.</source>
        <translation>Le modèle {name} a {count} entrées&#xa0;; CapSeg a besoin d’un modèle à une seule entrée d’image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="449"/>
        <location filename="../../capseg_desktop/core/model.py" line="581"/>
        <source>The model {name} expects input of shape {shape}; CapSeg needs images with 1 (grey) or 3 (colour) channels.</source>
        <translation>Le modèle {name} attend une entrée de forme {shape}&#xa0;; CapSeg a besoin d’images à 1 (niveaux de gris) ou 3 (couleur) canaux.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="456"/>
        <location filename="../../capseg_desktop/core/model.py" line="499"/>
        <source>The model {name} has {count} outputs; CapSeg needs one mask output.</source>
        <translation>Le modèle {name} a {count} sorties&#xa0;; CapSeg a besoin d’une seule sortie de masque.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="463"/>
        <source>The model {name} gives output of shape {shape}; CapSeg needs one mask channel of the image&apos;s size.</source>
        <translation>Le modèle {name} produit une sortie de forme {shape}&#xa0;; CapSeg a besoin d’un seul canal de masque à la taille de l’image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="493"/>
        <source>The model {name} has {count} inputs; CapSeg needs one image input.</source>
        <translation>Le modèle {name} a {count} entrées&#xa0;; CapSeg a besoin d’une seule entrée d’image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="553"/>
        <source>{name} is a folder, not a model file; choose a .tflite, .keras or .h5 file.</source>
        <translation>{name} est un dossier, pas un fichier de modèle&#xa0;; choisissez un fichier .tflite, .keras ou .h5.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="556"/>
        <source>The model file {name} does not exist.</source>
        <translation>Le fichier de modèle {name} n’existe pas.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="560"/>
        <source>{name} is not a model CapSeg can open; choose a .tflite, .keras or .h5 file.</source>
        <translation>{name} n’est pas un modèle que CapSeg sait ouvrir&#xa0;; choisissez un fichier .tflite, .keras ou .h5.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="563"/>
        <source>The model file {name} is empty.</source>
        <translation>Le fichier de modèle {name} est vide.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="573"/>
        <source>The model file {name} could not be opened: it is damaged or not a TensorFlow Lite model.</source>
        <translation>Le fichier de modèle {name} n’a pas pu être ouvert&#xa0;: il est endommagé ou ce n’est pas un modèle TensorFlow Lite.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="610"/>
        <source>{name} is already a TensorFlow Lite model.</source>
        <translation>{name} est déjà un modèle TensorFlow Lite.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/model.py" line="627"/>
        <source>The model {name} could not be converted to TensorFlow Lite.</source>
        <translation>Le modèle {name} n’a pas pu être converti en TensorFlow Lite.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/pipeline.py" line="530"/>
        <source>%n capillaries</source>
        <translation>
            <numerusform>%n capillaire</numerusform>
            <numerusform>%n capillaires</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="50"/>
        <source>Nailfold capillaroscopy: exam report</source>
        <extracomment>Every sentence and word of the report, in one place, looked up in the user&apos;s language (issue 13); numbers are formatted by the caller in the language&apos;s form (``core.i18n.format_number``).</extracomment>
        <translation>Capillaroscopie périunguéale&#xa0;: compte rendu d’examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="51"/>
        <source>Patient (pseudonym)</source>
        <translation>Patient (pseudonyme)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="52"/>
        <source>Exam date</source>
        <translation>Date de l’examen</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="53"/>
        <source>Operator</source>
        <translation>Opérateur</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="54"/>
        <source>Microscope profile</source>
        <translation>Profil du microscope</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="55"/>
        <source>Scale</source>
        <translation>Échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="56"/>
        <location filename="../../capseg_desktop/report/pdf.py" line="148"/>
        <source>{scale} µm per pixel</source>
        <translation>{scale} µm par pixel</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="57"/>
        <source>Report made</source>
        <translation>Compte rendu établi le</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="58"/>
        <source>not given</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="59"/>
        <source>no scale set: widths in pixels, dilated and giant loops and densities not assessed</source>
        <translation>aucune échelle définie&#xa0;: largeurs en pixels, anses dilatées, mégacapillaires et densités non évalués</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="60"/>
        <source>Patient summary</source>
        <translation>Synthèse pour le patient</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="61"/>
        <source>Mean distal-row density</source>
        <translation>Densité moyenne de la rangée distale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="62"/>
        <source>normal</source>
        <translation>normale</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="63"/>
        <source>reduced</source>
        <translation>diminuée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="64"/>
        <source>Dilated loops (all fingers)</source>
        <translation>Capillaires dilatés (tous doigts)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="65"/>
        <source>Giant loops (all fingers)</source>
        <translation>Mégacapillaires (tous doigts)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="66"/>
        <source>giant loops present</source>
        <translation>présence de mégacapillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="67"/>
        <source>no giant loop</source>
        <translation>aucun mégacapillaire</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="68"/>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="69"/>
        <source>{used} used, {not_used} not used</source>
        <translation>utilisées&#xa0;: {used}, non utilisées&#xa0;: {not_used}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="70"/>
        <source>Reduced density in</source>
        <translation>Densité diminuée pour</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="71"/>
        <source>not assessed (no scale)</source>
        <translation>non évalué (pas d’échelle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="72"/>
        <source>These figures support, not replace, a clinician&apos;s reading: the images, the loops&apos; shapes and haemorrhages are to be read by a clinician, and every count can be checked on the pictures below.</source>
        <translation>Ces chiffres aident la lecture du clinicien sans la remplacer&#xa0;: les images, la forme des anses capillaires et les hémorragies doivent être lues par un clinicien, et chaque comptage peut être vérifié sur les images ci-dessous.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="77"/>
        <source>Per finger</source>
        <translation>Par doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="78"/>
        <source>Finger</source>
        <translation>Doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="79"/>
        <source>Images used</source>
        <translation>Images utilisées</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="80"/>
        <source>Distal density (per mm)</source>
        <translation>Densité distale (par mm)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="81"/>
        <location filename="../../capseg_desktop/report/pdf.py" line="126"/>
        <source>Density</source>
        <translation>Densité</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="82"/>
        <source>Dilated</source>
        <translation>Dilatés</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="83"/>
        <source>Giant</source>
        <translation>Mégacapillaires</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="84"/>
        <source>Haemorrhages (all fingers)</source>
        <translation>Hémorragies (tous les doigts)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="85"/>
        <source>Haemorrhages: then → now (new, vanished)</source>
        <translation>Hémorragies&#xa0;: avant → maintenant (nouvelles, disparues)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="86"/>
        <source>Tortuous / crossing / ramified</source>
        <translation>Tortueuses / croisées / ramifiées</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="87"/>
        <source>Fast track</source>
        <translation>Fast track</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="88"/>
        <source>EULAR fast track pattern</source>
        <translation>Profil selon l’algorithme «&#xa0;fast track&#xa0;» de l’EULAR</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="89"/>
        <source>Pattern</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="90"/>
        <source>Steps</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="91"/>
        <source>Loop shapes</source>
        <translation>Forme des anses</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="92"/>
        <source>EULAR definitions: hairpin, tortuous and crossing loops are normal or non-specific, ramified (bushy) loops abnormal. Measured on each loop&apos;s mask and centre line: crossing, the limbs enclose a hole; ramified, {branches} or more branches beyond the two limb ends; tortuous, a limb bends back {bends} or more times; not assessable, a blurred loop, one whose apex the picture&apos;s edge cuts, or a speck. These thresholds are CapSeg&apos;s.</source>
        <translation>Définitions de l’EULAR&#xa0;: les anses en épingle à cheveux, tortueuses et croisées sont normales ou non spécifiques, les anses ramifiées (buissonnantes) anormales. Mesurées sur le masque et la ligne centrale de chaque anse&#xa0;: croisée, les branches enferment un trou&#xa0;; ramifiée, {branches} ramifications ou plus en plus des deux extrémités des branches&#xa0;; tortueuse, une branche revient sur elle-même {bends} fois ou plus&#xa0;; non évaluable, une anse floue, une anse dont le bord de l’image coupe le sommet, ou un point. Ces seuils sont ceux de CapSeg.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="99"/>
        <source>Fast track algorithm</source>
        <translation>Algorithme «&#xa0;fast track&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="100"/>
        <source>Smith V et al., EULAR Study Group on Microcirculation in Rheumatic Diseases, Autoimmun Rev 2019;18:102394. Step 1: density 7 per mm or more and no giant loop, non-scleroderma pattern; step 2: giant loops, or a density of 3 per mm or less with abnormal shapes, scleroderma pattern; step 3: otherwise, non-scleroderma pattern. Read per finger on its figures; the patient has a scleroderma pattern when a finger has one.</source>
        <translation>Smith V et al., EULAR Study Group on Microcirculation in Rheumatic Diseases, Autoimmun Rev 2019;18:102394. Étape 1&#xa0;: densité de 7 par mm ou plus et aucun mégacapillaire, profil non sclérodermique&#xa0;; étape 2&#xa0;: des mégacapillaires, ou une densité de 3 par mm ou moins avec des formes anormales, profil sclérodermique&#xa0;; étape 3&#xa0;: sinon, profil non sclérodermique. Appliqué à chaque doigt sur ses chiffres&#xa0;; le patient a un profil sclérodermique dès qu’un doigt en a un.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="107"/>
        <source>shapes: {tortuous} tortuous, {crossing} crossing, {ramified} ramified</source>
        <translation>formes&#xa0;: tortueuses&#xa0;: {tortuous}, croisées&#xa0;: {crossing}, ramifiées&#xa0;: {ramified}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="108"/>
        <source>Not used</source>
        <translation>Non utilisées</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="109"/>
        <source>not examined</source>
        <translation>non examiné</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="110"/>
        <source>no image used</source>
        <translation>aucune image utilisée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="111"/>
        <source>Images not assigned to a finger (not used)</source>
        <translation>Images attribuées à aucun doigt (non utilisées)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="112"/>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="113"/>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="114"/>
        <source>How these figures were made</source>
        <translation>Comment ces chiffres ont été obtenus</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="115"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="116"/>
        <source>{name}, version {version}, runtime {runtime}</source>
        <translation>{name}, version {version}, moteur d’exécution {runtime}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="117"/>
        <source>version not stated</source>
        <translation>non indiquée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="118"/>
        <source>Model sha256</source>
        <translation>sha256 du modèle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="119"/>
        <source>Counting parameters</source>
        <translation>Paramètres de comptage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="120"/>
        <source>Loop flags</source>
        <translation>Classement des anses</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="121"/>
        <source>judged on the widest vessel diameter of each loop: normal below {dilated} µm, dilated from {dilated} µm, giant from {giant} µm</source>
        <translation>d’après le plus grand diamètre de vaisseau de chaque anse&#xa0;: normale en dessous de {dilated} µm, dilatée à partir de {dilated} µm, mégacapillaire à partir de {giant} µm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="127"/>
        <source>loops of the distal (outermost) row per millimetre of analysed length, averaged over a finger&apos;s images, then over the fingers; reduced below {reduced} per mm</source>
        <translation>anses de la rangée distale (la plus externe) par millimètre de longueur analysée, moyennées sur les images d’un doigt, puis sur les doigts&#xa0;; diminuée en dessous de {reduced} par mm</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="132"/>
        <source>Corrected by hand</source>
        <translation>Corrigé à la main</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="133"/>
        <source>Software</source>
        <translation>Logiciel</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="134"/>
        <source>CapSeg Desktop {version}</source>
        <translation>CapSeg Desktop {version}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="135"/>
        <source>The images</source>
        <translation>Les images</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="136"/>
        <source>Yellow boxes: counted capillaries, numbered as in the exports; green boxes: added or changed by hand; a second, orange box and &quot;D&quot; after the number: a dilated loop; red and &quot;G&quot;: a giant loop; purple boxes marked &quot;H1&quot;, &quot;H2&quot;: haemorrhages (never counted as capillaries); dashed cyan line: the apices of the distal row.</source>
        <translation>Cadres jaunes&#xa0;: capillaires comptés, numérotés comme dans les exports&#xa0;; cadres verts&#xa0;: ajoutés ou modifiés à la main&#xa0;; un second cadre orange et «&#xa0;D&#xa0;» après le numéro&#xa0;: capillaire dilaté&#xa0;; rouge et «&#xa0;G&#xa0;»&#xa0;: mégacapillaire (géant)&#xa0;; cadres violets marqués «&#xa0;H1&#xa0;», «&#xa0;H2&#xa0;»&#xa0;: hémorragies (jamais comptées comme capillaires)&#xa0;; ligne cyan en tirets&#xa0;: les sommets des anses de la rangée distale.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="143"/>
        <source>distal density {density} per mm (distal loops not known)</source>
        <translation>densité distale {density} par mm (nombre d’anses distales inconnu)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="144"/>
        <source>distal density not assessed (no scale)</source>
        <translation>densité distale non évaluée (pas d’échelle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="145"/>
        <source>{dilated} dilated, {giant} giant</source>
        <translation>dilatés&#xa0;: {dilated}, mégacapillaires&#xa0;: {giant}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="146"/>
        <source>dilated and giant not assessed</source>
        <translation>dilatés et mégacapillaires non évalués</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="147"/>
        <source>{scale} µm per pixel ({source})</source>
        <translation>{scale} µm par pixel ({source})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="149"/>
        <source>no scale</source>
        <translation>pas d’échelle</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="150"/>
        <source>{finger} — {name}: not used ({reason})</source>
        <translation>{finger} — {name}&#xa0;: non utilisée ({reason})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="151"/>
        <source>profile {profile}</source>
        <translation>profil {profile}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="152"/>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="153"/>
        <source>calibrated line</source>
        <translation>trait d’étalonnage</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="154"/>
        <source>set for this image</source>
        <translation>définie pour cette image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="155"/>
        <source>typed</source>
        <translation>saisie</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="156"/>
        <source>(picture not available)</source>
        <translation>(image non disponible)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="157"/>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} sur {pages}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="158"/>
        <source>CapSeg Desktop {version} · patient {patient} · exam of {date}</source>
        <translation>CapSeg Desktop {version} · patient {patient} · examen du {date}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="159"/>
        <source>CapSeg exam report {patient} {date}</source>
        <translation>Compte rendu d’examen CapSeg {patient} {date}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="160"/>
        <source>no finger</source>
        <translation>aucun doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="161"/>
        <source>{name}: {reason}</source>
        <translation>{name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="162"/>
        <source>; </source>
        <translation>&#xa0;; </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="163"/>
        <source>Then: the exam of {then_date}; now: this exam of {now_date}.</source>
        <translation>Avant&#xa0;: l’examen du {then_date}&#xa0;; maintenant&#xa0;: cet examen du {now_date}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="164"/>
        <source>Distal density per mm: then → now (change)</source>
        <translation>Densité distale par mm&#xa0;: avant → maintenant (évolution)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="165"/>
        <source>Giant loops: then → now (new, vanished)</source>
        <translation>Mégacapillaires&#xa0;: avant → maintenant (nouveaux, disparus)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="166"/>
        <source>Ramified loops (abnormal): then → now (change)</source>
        <translation>Anses ramifiées (anormales)&#xa0;: avant → maintenant (évolution)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="167"/>
        <source>Fast track: then → now</source>
        <translation>Fast track&#xa0;: avant → maintenant</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="168"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="169"/>
        <source>Not examined then nor now: {fingers}.</source>
        <translation>Non examinés, ni avant ni maintenant&#xa0;: {fingers}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="170"/>
        <source>Then and now: the images of each finger</source>
        <translation>Avant et maintenant&#xa0;: les images de chaque doigt</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="171"/>
        <source>{finger} — left, the exam of {then_date} ({then_name}); right, this exam of {now_date} ({now_name})</source>
        <translation>{finger} — à gauche, l’examen du {then_date} ({then_name})&#xa0;; à droite, cet examen du {now_date} ({now_name})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="277"/>
        <source>{parameters} in the model&apos;s pixels</source>
        <extracomment>The report&apos;s sentences with a count (see ``core.texts.Plurals``). Page margins in millimetres (left, top, right, bottom); the footer sits in the bottom margin. A picture is drawn across the text&apos;s width, and at most this part of a page&apos;s height. A follow-up&apos;s pair of pictures (then, now): small, at most this part of a page&apos;s height.</extracomment>
        <translation>{parameters} en pixels du modèle</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/report/pdf.py" line="313"/>
        <source>mean of %n finger(s) with a density</source>
        <translation>
            <numerusform>moyenne de %n doigt avec une densité</numerusform>
            <numerusform>moyenne de %n doigts avec une densité</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/pdf.py" line="314"/>
        <source>{density} capillaries per mm, {flag} ({fingers})</source>
        <translation>{density} capillaires par mm, {flag} ({fingers})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/report/pdf.py" line="377"/>
        <source>%n image(s) excluded</source>
        <translation>
            <numerusform>%n image exclue</numerusform>
            <numerusform>%n images exclues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/report/pdf.py" line="448"/>
        <source>%n image(s): their corrected counts are used (model&apos;s count in brackets below)</source>
        <translation>
            <numerusform>%n image&#xa0;: son comptage corrigé est utilisé (comptage du modèle entre parenthèses ci-dessous)</numerusform>
            <numerusform>%n images&#xa0;: leurs comptages corrigés sont utilisés (comptage du modèle entre parenthèses ci-dessous)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/report/pdf.py" line="463"/>
        <source>distal density {density} per mm (%n distal loops)</source>
        <translation>
            <numerusform>densité distale {density} par mm (%n anse distale)</numerusform>
            <numerusform>densité distale {density} par mm (%n anses distales)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/report/pdf.py" line="479"/>
        <source>{finger} — {name}: %n capillaries (model {model_count}, corrected by hand); {density}; {flags}; {scale}</source>
        <translation>
            <numerusform>{finger} — {name}&#xa0;: %n capillaire (modèle {model_count}, corrigé à la main)&#xa0;; {density}&#xa0;; {flags}&#xa0;; {scale}</numerusform>
            <numerusform>{finger} — {name}&#xa0;: %n capillaires (modèle {model_count}, corrigé à la main)&#xa0;; {density}&#xa0;; {flags}&#xa0;; {scale}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/report/pdf.py" line="482"/>
        <source>{finger} — {name}: %n capillaries; {density}; {flags}; {scale}</source>
        <translation>
            <numerusform>{finger} — {name}&#xa0;: %n capillaire&#xa0;; {density}&#xa0;; {flags}&#xa0;; {scale}</numerusform>
            <numerusform>{finger} — {name}&#xa0;: %n capillaires&#xa0;; {density}&#xa0;; {flags}&#xa0;; {scale}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Result</name>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="94"/>
        <source>{date} {time} (local time, UTC{offset})</source>
        <extracomment>This module&apos;s sentences with a count (see ``core.texts.Plurals``). The kinds of hand correction (``core.corrections.Edit``), in the order the result&apos;s edit counts list them. Kept here, where the result&apos;s JSON names them: ``corrections`` imports this module, and this one importing ``corrections`` back made an import loop that ran. The measurement columns of the capillary CSV: in µm when the scale is known (&quot;unit&quot; says which), else in pixels with the flag &quot;not assessed (no scale)&quot;. How the legend and the summary name each counting parameter (label, unit).</extracomment>
        <translation>{date} {time} (heure locale, UTC{offset})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="127"/>
        <source>Counting parameters as the model recommends.</source>
        <extracomment>How each language writes a day (English keeps ISO 8601, which every reader understands).</extracomment>
        <translation>Paramètres de comptage recommandés par le modèle.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="128"/>
        <source>Changed by the user: {changes}.</source>
        <translation>Modifié par l’utilisateur&#xa0;: {changes}.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="135"/>
        <source>threshold {value} (recommended {recommended})</source>
        <translation>seuil {value} (recommandé {recommended})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="136"/>
        <source>minimum area {value} px (recommended {recommended} px)</source>
        <translation>aire minimale {value} px (recommandée {recommended} px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="137"/>
        <source>merge distance {value} px (recommended {recommended} px)</source>
        <translation>distance de fusion {value} px (recommandée {recommended} px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="138"/>
        <source>split area {value} px (recommended {recommended} px)</source>
        <translation>aire de séparation {value} px (recommandée {recommended} px)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="146"/>
        <source>{name} {value} (recommended {recommended})</source>
        <translation>{name} {value} (recommandé {recommended})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="148"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="600"/>
        <source>Haemorrhages: {count} (purple boxes marked H; never counted as capillaries)</source>
        <translation>Hémorragies&#xa0;: {count} (cadres violets marqués H&#xa0;; jamais comptées comme capillaires)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="363"/>
        <source>Count {count}</source>
        <extracomment>Plain sentences about implausible input or output (see ``core.sanity``); a result with warnings is shown and summarised as &quot;warning&quot;, not &quot;ok&quot;. How the image was brought to the model&apos;s scale; ``None`` when not recorded. What the model recommends (``Analyzer.default_params()``); ``None`` when not known, and then no export claims anything about changed parameters. Corrections by hand (``Analysis.with_edits``): the model&apos;s count before the edits, how many edits of each kind applied, the whole log, and the ids (in this result&apos;s numbering) of the capillaries an edit created or changed. ``None``/empty: not edited. Per-capillary measurements (``core.measure``), in the capillaries&apos; order; recomputed after every recount and edit by ``Analysis``. Where ``um_per_px`` came from; ``None``: not recorded (a typed number, see ``calibration_used``). (start, end) along the row in image pixels for the density, or ``None`` for the whole image. The haemorrhages (``core.haemorrhage``), never counted as capillaries; ``None``: not looked for (a result made without them), which no export reports as zero.</extracomment>
        <translation>Comptage {count}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="364"/>
        <source>Count {count} (model {model}: {edits})</source>
        <translation>Comptage {count} (modèle {model}&#xa0;: {edits})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="526"/>
        <source>apices towards the top</source>
        <translation>sommets vers le haut</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="527"/>
        <source>apices towards the bottom</source>
        <translation>sommets vers le bas</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="528"/>
        <source>apices towards the left</source>
        <translation>sommets vers la gauche</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="529"/>
        <source>apices towards the right</source>
        <translation>sommets vers la droite</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="530"/>
        <source>apices towards the {direction}</source>
        <translation>sommets orientés&#xa0;: {direction}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="533"/>
        <source>Distal row (dashed cyan line): %n loops, {apices}; density not assessed (no scale)</source>
        <translation>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anse, {apices}&#xa0;; densité non évaluée (pas d’échelle)</numerusform>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anses, {apices}&#xa0;; densité non évaluée (pas d’échelle)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="537"/>
        <source>Distal row (dashed cyan line): %n loops in a window of {window} px, {apices}; density not assessed (no scale)</source>
        <translation>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anse dans une fenêtre de {window} px, {apices}&#xa0;; densité non évaluée (pas d’échelle)</numerusform>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anses dans une fenêtre de {window} px, {apices}&#xa0;; densité non évaluée (pas d’échelle)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="542"/>
        <source>Loop widths in pixels: dilated and giant loops not assessed (no scale)</source>
        <translation>Largeurs des anses en pixels&#xa0;: capillaires dilatés et mégacapillaires non évalués (pas d’échelle)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="547"/>
        <source>Distal row (dashed cyan line): %n loops, {density} per mm, reduced (below {limit} per mm)</source>
        <translation>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anse, {density} par mm, densité diminuée (moins de {limit} par mm)</numerusform>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anses, {density} par mm, densité diminuée (moins de {limit} par mm)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="550"/>
        <source>Distal row (dashed cyan line): %n loops, {density} per mm, normal ({limit} per mm or more)</source>
        <translation>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anse, {density} par mm, densité normale ({limit} par mm ou plus)</numerusform>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anses, {density} par mm, densité normale ({limit} par mm ou plus)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="554"/>
        <source>Distal row (dashed cyan line): %n loops in a window of {window} px, {density} per mm, reduced (below {limit} per mm)</source>
        <translation>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anse dans une fenêtre de {window} px, {density} par mm, densité diminuée (moins de {limit} par mm)</numerusform>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anses dans une fenêtre de {window} px, {density} par mm, densité diminuée (moins de {limit} par mm)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="560"/>
        <source>Distal row (dashed cyan line): %n loops in a window of {window} px, {density} per mm, normal ({limit} per mm or more)</source>
        <translation>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anse dans une fenêtre de {window} px, {density} par mm, densité normale ({limit} par mm ou plus)</numerusform>
            <numerusform>Rangée distale (ligne cyan en tirets)&#xa0;: %n anses dans une fenêtre de {window} px, {density} par mm, densité normale ({limit} par mm ou plus)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="566"/>
        <source>Dilated loops: {dilated}, giant loops: {giant} ({thresholds}; dilated loops in an orange outer box marked D, giant in a red one marked G)</source>
        <translation>Capillaires dilatés&#xa0;: {dilated}, mégacapillaires&#xa0;: {giant} ({thresholds}&#xa0;; capillaires dilatés dans un cadre extérieur orange marqué D, mégacapillaires (géants) dans un cadre rouge marqué G)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="577"/>
        <source>* after a loop&apos;s number: flagged by the clinician (%n loops: {ids})</source>
        <translation>
            <numerusform>* après le numéro d’une anse&#xa0;: signalée par le clinicien (%n anse&#xa0;: {ids})</numerusform>
            <numerusform>* après le numéro d’une anse&#xa0;: signalée par le clinicien (%n anses&#xa0;: {ids})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="589"/>
        <source>Loop shapes: {hairpin} hairpin, {tortuous} tortuous, {crossing} crossing (both non-specific), {ramified} ramified (abnormal), {not_assessable} not assessable</source>
        <translation>Forme des anses&#xa0;: en épingle à cheveux&#xa0;: {hairpin}, tortueuses&#xa0;: {tortuous}, croisées&#xa0;: {crossing} (non spécifiques), ramifiées&#xa0;: {ramified} (anormales), non évaluables&#xa0;: {not_assessable}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="620"/>
        <source>{file}: %n capillaries; {scale}</source>
        <translation>
            <numerusform>{file}&#xa0;: %n capillaire&#xa0;; {scale}</numerusform>
            <numerusform>{file}&#xa0;: %n capillaires&#xa0;; {scale}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../capseg_desktop/core/result.py" line="622"/>
        <source>{file}: %n capillaries</source>
        <translation>
            <numerusform>{file}&#xa0;: %n capillaire</numerusform>
            <numerusform>{file}&#xa0;: %n capillaires</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="629"/>
        <source>{count}: corrected by hand; green boxes are the capillaries added or changed</source>
        <translation>{count}&#xa0;: corrigé à la main&#xa0;; les cadres verts sont les capillaires ajoutés ou modifiés</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="631"/>
        <source>{count}: corrected by hand</source>
        <translation>{count}&#xa0;: corrigé à la main</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="637"/>
        <source>Model {name} (sha256 {hash}, {runtime}); {parameters} in the model&apos;s pixels (the image was resized ×{factor} for the model)</source>
        <translation>Modèle {name} (sha256 {hash}, {runtime})&#xa0;; {parameters} en pixels du modèle (l’image a été redimensionnée ×{factor} pour le modèle)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="640"/>
        <source>Model {name} (sha256 {hash}, {runtime}); {parameters}</source>
        <translation>Modèle {name} (sha256 {hash}, {runtime})&#xa0;; {parameters}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="649"/>
        <source>CapSeg Desktop {version}, analysed {time}</source>
        <translation>CapSeg Desktop {version}, analysé le {time}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/result.py" line="653"/>
        <source>Warning: {warning}</source>
        <translation>Avertissement&#xa0;: {warning}</translation>
    </message>
</context>
<context>
    <name>Sanity</name>
    <message>
        <location filename="../../capseg_desktop/core/sanity.py" line="33"/>
        <source>The image holds no pixels.</source>
        <extracomment>Spread of probabilities under which a model output is &quot;constant&quot;. Pixels looked at in a large image: the checks must cost microseconds, not a pass over 64 MP.</extracomment>
        <translation>L’image ne contient aucun pixel.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/sanity.py" line="38"/>
        <source>The image is almost all one colour, so it shows no capillaries to count; check that it is the right picture.</source>
        <translation>L’image est presque entièrement d’une seule couleur&#xa0;; elle ne montre donc aucun capillaire à compter&#xa0;: vérifiez que c’est la bonne image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/sanity.py" line="51"/>
        <source>The model gave no output for this image.</source>
        <translation>Le modèle n’a rien produit pour cette image.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/sanity.py" line="57"/>
        <source>The model gave invalid values (not a number) for {share}% of the image, so the count cannot be trusted; the model may be damaged.</source>
        <translation>Le modèle a produit des valeurs invalides (pas un nombre) pour {share}&#xa0;% de l’image&#xa0;; le comptage n’est donc pas fiable&#xa0;: le modèle est peut-être endommagé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/sanity.py" line="65"/>
        <source>The model gave the same value over the whole image, so the count cannot be trusted; the model may be damaged or unsuited to this image.</source>
        <translation>Le modèle a produit la même valeur sur toute l’image&#xa0;; le comptage n’est donc pas fiable&#xa0;: le modèle est peut-être endommagé ou inadapté à cette image.</translation>
    </message>
</context>
<context>
    <name>Scale</name>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="62"/>
        <source>analysed at the image&apos;s own size</source>
        <extracomment>An image whose own estimate differs from its folder&apos;s shared scale by more than this ratio is flagged (another microscope or magnification, or an estimate gone wrong).</extracomment>
        <translation>analysée à la taille d’origine de l’image</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="67"/>
        <source>analysed at its own size (limbs about {limbs} px, from the µm per pixel set)</source>
        <translation>analysée à sa taille d’origine (branches d’environ {limbs} px, d’après les µm par pixel définis)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="68"/>
        <source>resized ×{factor} for the model (limbs about {limbs} px, from the µm per pixel set)</source>
        <translation>redimensionnée ×{factor} pour le modèle (branches d’environ {limbs} px, d’après les µm par pixel définis)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="69"/>
        <source>analysed at its own size (limbs about {limbs} px, estimated from the image)</source>
        <translation>analysée à sa taille d’origine (branches d’environ {limbs} px, estimées d’après l’image)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="70"/>
        <source>resized ×{factor} for the model (limbs about {limbs} px, estimated from the image)</source>
        <translation>redimensionnée ×{factor} pour le modèle (branches d’environ {limbs} px, estimées d’après l’image)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="71"/>
        <source>analysed at its own size (limbs about {limbs} px, the median of its folder&apos;s images)</source>
        <translation>analysée à sa taille d’origine (branches d’environ {limbs} px, médiane des images de son dossier)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="72"/>
        <source>resized ×{factor} for the model (limbs about {limbs} px, the median of its folder&apos;s images)</source>
        <translation>redimensionnée ×{factor} pour le modèle (branches d’environ {limbs} px, médiane des images de son dossier)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="73"/>
        <source>analysed at its own size (limbs about {limbs} px, learnt for the microscope)</source>
        <translation>analysée à sa taille d’origine (branches d’environ {limbs} px, apprises pour le microscope)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="74"/>
        <source>resized ×{factor} for the model (limbs about {limbs} px, learnt for the microscope)</source>
        <translation>redimensionnée ×{factor} pour le modèle (branches d’environ {limbs} px, apprises pour le microscope)</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="77"/>
        <source>analysed at its own size (limbs about {limbs} px, {source})</source>
        <translation>analysée à sa taille d’origine (branches d’environ {limbs} px, {source})</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/scale.py" line="78"/>
        <source>resized ×{factor} for the model (limbs about {limbs} px, {source})</source>
        <translation>redimensionnée ×{factor} pour le modèle (branches d’environ {limbs} px, {source})</translation>
    </message>
</context>
<context>
    <name>Shape</name>
    <message>
        <location filename="../../capseg_desktop/core/shape.py" line="65"/>
        <source>hairpin</source>
        <extracomment>Every label, in the order the legend and the summaries list them. The EULAR &quot;abnormal&quot; shapes (not hairpin, not tortuous, not crossing). Non-specific shapes: the EULAR definitions call them normal; shown, never counted as abnormal. Each label as a reader sees it (the table, the follow-up comparison), in the user&apos;s language; ``WORDS.english(label)`` is the label itself.</extracomment>
        <translation>en épingle à cheveux</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/shape.py" line="66"/>
        <source>tortuous</source>
        <translation>tortueuse</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/shape.py" line="67"/>
        <source>crossing</source>
        <translation>croisée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/shape.py" line="68"/>
        <source>ramified</source>
        <translation>ramifiée</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/core/shape.py" line="69"/>
        <source>not assessable</source>
        <translation>non évaluable</translation>
    </message>
</context>
<context>
    <name>Signature</name>
    <message>
        <location filename="../../capseg_desktop/report/signature.py" line="22"/>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/signature.py" line="23"/>
        <source>No conclusion was written.</source>
        <translation>Aucune conclusion n’a été rédigée.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/signature.py" line="24"/>
        <source>Signed: {name}, {date}</source>
        <translation>Signé&#xa0;: {name}, {date}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/signature.py" line="25"/>
        <source>Signed: {name}</source>
        <translation>Signé&#xa0;: {name}</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/signature.py" line="26"/>
        <source>Not signed.</source>
        <translation>Non signé.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/signature.py" line="27"/>
        <source>&quot;*&quot; after the number: a loop whose flags (giant, dilated, shape) the clinician set.</source>
        <translation>«&#xa0;*&#xa0;» après le numéro&#xa0;: une anse dont le clinicien a fixé lui-même le type (mégacapillaire, dilatée) ou la forme.</translation>
    </message>
    <message>
        <location filename="../../capseg_desktop/report/signature.py" line="28"/>
        <source>flagged by the clinician: loops {ids}</source>
        <translation>signalées par le clinicien&#xa0;: anses {ids}</translation>
    </message>
</context>
</TS>
