<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CoreText</name>
    <message>
        <source>Allow software-only capture</source>
        <translation>Erfassung nur mit Software-Ereignissen erlauben</translation>
    </message>
    <message>
        <source>Measure ticked</source>
        <translation>Angekreuzte messen</translation>
    </message>
    <message>
        <source>Descriptor</source>
        <translation>Deskriptor</translation>
    </message>
    <message>
        <source>Target device</source>
        <translation>Zielgerät</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Launcher</source>
        <translation>Starter</translation>
    </message>
    <message>
        <source>Seeds</source>
        <translation>Seeds</translation>
    </message>
    <message>
        <source>Shot policy</source>
        <translation>Shot-Auswahl</translation>
    </message>
    <message>
        <source>Shots</source>
        <translation>Shots</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Training devices</source>
        <translation>Trainingsgeräte</translation>
    </message>
    <message>
        <source>every measured architecture</source>
        <translation>jede gemessene Architektur</translation>
    </message>
    <message>
        <source>HELP&apos;s protocol</source>
        <translation>HELPs Protokoll</translation>
    </message>
    <message>
        <source>“Tick reference architectures” and “Measure ticked” on the Samples page</source>
        <translation>„Referenzarchitekturen ankreuzen“ und „Angekreuzte messen“ auf der Seite Stichproben</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <source>“%1: %2”</source>
        <translation>„%1: %2“</translation>
    </message>
    <message>
        <source>Search space</source>
        <translation>Suchraum</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot save %1: use a .png, .pdf or .svg file name</source>
        <translation>%1 kann nicht gespeichert werden: einen Dateinamen auf .png, .pdf oder .svg verwenden</translation>
    </message>
    <message>
        <source>could not write %1: check the folder exists and is writable</source>
        <translation>%1 konnte nicht geschrieben werden: prüfen, ob der Ordner existiert und beschreibbar ist</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Bild (*.svg)</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>96 dpi (screen)</source>
        <translation>96 dpi (Bildschirm)</translation>
    </message>
    <message>
        <source>192 dpi</source>
        <translation>192 dpi</translation>
    </message>
    <message>
        <source>300 dpi (print)</source>
        <translation>300 dpi (Druck)</translation>
    </message>
    <message>
        <source>PNG only: PDF and SVG are vector and print sharp at any size</source>
        <translation>Nur PNG: PDF und SVG sind Vektorformate und bleiben in jeder Größe scharf</translation>
    </message>
    <message>
        <source>Include the legend</source>
        <translation>Legende einschließen</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
</context>
<context>
    <name>ShotPolicy</name>
    <message>
        <source>a seeded random draw (figures vary with the seed)</source>
        <translation>eine Zufallsauswahl mit Seed (die Zahlen hängen vom Seed ab)</translation>
    </message>
    <message>
        <source>HELP&apos;s reference architectures first, in HELP&apos;s order (deterministic)</source>
        <translation>zuerst HELPs Referenzarchitekturen, in HELPs Reihenfolge (deterministisch)</translation>
    </message>
    <message>
        <source>an optimal design under the predictor&apos;s pool prior, chosen before any latency of the device is known (deterministic)</source>
        <translation>ein optimaler Versuchsplan unter der Pool-Priorverteilung des Prädiktors, gewählt, bevor eine Latenz des Geräts bekannt ist (deterministisch)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Open this project file.</source>
        <translation>Diese Projektdatei öffnen.</translation>
    </message>
    <message>
        <source>Start on this view: devices, capture, samples or predictions.</source>
        <translation type="vanished">Mit dieser Ansicht beginnen: devices, capture, samples oder predictions.</translation>
    </message>
    <message>
        <source>Render the view offscreen into this PNG and exit (needs --project).</source>
        <translation>Die Ansicht ohne Bildschirm in dieses PNG zeichnen und beenden (braucht --project).</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1280x800).</source>
        <translation>Fenstergröße für --screenshot (Vorgabe 1280x800).</translation>
    </message>
    <message>
        <source>With --screenshot: first do the view&apos;s main action (detect this machine, a short capture, select samples, train and adapt). A capture or training is stored in the project.</source>
        <translation type="vanished">Mit --screenshot: zuerst die Hauptaktion der Ansicht ausführen (diesen Rechner erkennen, eine kurze Erfassung, Stichproben wählen, trainieren und anpassen). Eine Erfassung oder ein Training wird im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>MAPLE Workbench: predict DNN latency on unseen hardware.
Documentation: man maple-workbench, /usr/share/doc/maple</source>
        <translation>MAPLE Workbench: DNN-Latenz auf ungesehener Hardware vorhersagen.
Dokumentation: man maple-workbench, /usr/share/doc/maple</translation>
    </message>
    <message>
        <source>A project file (.maple) to open.</source>
        <translation>Eine zu öffnende Projektdatei (.maple).</translation>
    </message>
    <message>
        <source>MAPLE Workbench: predict DNN latency on unseen hardware</source>
        <translation type="vanished">MAPLE Workbench: DNN-Latenz auf ungesehener Hardware vorhersagen</translation>
    </message>
    <message>
        <source>Start on this view: devices, capture, samples, predictions (adapt to the target) or cross-device.</source>
        <translation>Mit dieser Ansicht beginnen: devices, capture, samples, predictions (an das Ziel anpassen) oder cross-device.</translation>
    </message>
    <message>
        <source>With --screenshot: first do the view&apos;s main action (detect this machine, a short capture, select samples, adapt to the target device). A capture or adapted predictor is stored in the project.</source>
        <translation>Mit --screenshot: zuerst die Hauptaktion der Ansicht ausführen (diesen Rechner erkennen, eine kurze Erfassung, Stichproben wählen, an das Zielgerät anpassen). Eine Erfassung oder ein angepasster Prädiktor wird im Projekt gespeichert.</translation>
    </message>
    <message>
        <source>Make this device of the project the target device.</source>
        <translation>Dieses Gerät des Projekts zum Zielgerät machen.</translation>
    </message>
    <message>
        <source>With --view predictions --run: write the adapted predictor to this .maplepred file (an existing file is not replaced).</source>
        <translation>Mit --view predictions --run: den angepassten Prädiktor in diese .maplepred-Datei schreiben (eine vorhandene Datei wird nicht ersetzt).</translation>
    </message>
    <message>
        <source>Work on this search space of the project (one that holds several).</source>
        <translation>In diesem Suchraum des Projekts arbeiten (bei einem Projekt mit mehreren).</translation>
    </message>
</context>
<context>
    <name>maple::widgets::AdaptPage</name>
    <message>
        <source>Devices the predictor is trained on; the target and, for an imported target, its same-chip siblings are left out by default</source>
        <translation>Geräte, auf denen der Prädiktor trainiert wird; das Ziel und bei einem importierten Ziel seine Geschwister mit demselben Chip bleiben standardmäßig außen vor</translation>
    </message>
    <message>
        <source>The regressor trained on the training devices and adapted to the target</source>
        <translation>Der auf den Trainingsgeräten trainierte und an das Ziel angepasste Regressor</translation>
    </message>
    <message>
        <source>How devices are described: reference-latency needs the target&apos;s measured reference architectures among its shots</source>
        <translation>Wie Geräte beschrieben werden: reference-latency braucht die gemessenen Referenzarchitekturen des Ziels unter seinen Shots</translation>
    </message>
    <message>
        <source>How many of the target&apos;s measured architectures adapt the predictor; the others are held out and scored</source>
        <translation>Wie viele der gemessenen Architekturen des Ziels den Prädiktor anpassen; die übrigen werden zurückgehalten und bewertet</translation>
    </message>
    <message>
        <source>Adapt</source>
        <translation>Anpassen</translation>
    </message>
    <message>
        <source>Train on the ticked devices, adapt to the target from the shots, store the adapted predictor</source>
        <translation>Auf den angekreuzten Geräten trainieren, aus den Shots an das Ziel anpassen, den angepassten Prädiktor speichern</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Tick every listed device</source>
        <translation>Jedes aufgeführte Gerät ankreuzen</translation>
    </message>
    <message>
        <source>Untick every listed device</source>
        <translation>Kein aufgeführtes Gerät ankreuzen</translation>
    </message>
    <message>
        <source>Adaptation</source>
        <translation>Anpassung</translation>
    </message>
    <message>
        <source>Training devices:</source>
        <translation>Trainingsgeräte:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Descriptor:</source>
        <translation>Deskriptor:</translation>
    </message>
    <message>
        <source>Shots:</source>
        <translation>Shots:</translation>
    </message>
    <message>
        <source>Architectures of the space, fastest predicted first (%)</source>
        <translation>Architekturen des Raums, schnellste Vorhersage zuerst (%)</translation>
    </message>
    <message>
        <source>Predicted latency (ms)</source>
        <translation>Vorhergesagte Latenz (ms)</translation>
    </message>
    <message>
        <source>Whole space</source>
        <translation>Ganzer Raum</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adapt to the target device&lt;/b&gt;: choose it at the top of the window</source>
        <translation>&lt;b&gt;An das Zielgerät anpassen&lt;/b&gt;: oben im Fenster wählen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adapt to %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;An %1 anpassen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Listing training devices</source>
        <translation>Liste Trainingsgeräte auf</translation>
    </message>
    <message numerus="yes">
        <source>the target has %n measured architecture(s)</source>
        <translation>
            <numerusform>das Ziel hat %n gemessene Architektur</numerusform>
            <numerusform>das Ziel hat %n gemessene Architekturen</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project and choose the target device at the top of the window first.</source>
        <translation>Zuerst ein Projekt öffnen und oben im Fenster das Zielgerät wählen.</translation>
    </message>
    <message>
        <source>Tick at least one training device.</source>
        <translation>Mindestens ein Trainingsgerät ankreuzen.</translation>
    </message>
    <message>
        <source>Adapting %1 to %2</source>
        <translation>Passe %1 an %2 an</translation>
    </message>
    <message>
        <source>Stored the adapted predictor as %1; File &gt; Export predictor writes it as a .maplepred file</source>
        <translation type="vanished">Angepassten Prädiktor als %1 gespeichert; Datei &gt; Prädiktor exportieren schreibt ihn als .maplepred-Datei</translation>
    </message>
    <message>
        <source>uncertainty (1 sigma)</source>
        <translation>Unsicherheit (1 Sigma)</translation>
    </message>
    <message numerus="yes">
        <source>predicted, %n architecture(s)</source>
        <translation>
            <numerusform>vorhergesagt, %n Architektur</numerusform>
            <numerusform>vorhergesagt, %n Architekturen</numerusform>
        </translation>
    </message>
    <message>
        <source>measured on the target</source>
        <translation>auf dem Ziel gemessen</translation>
    </message>
    <message>
        <source>Which of the target&apos;s measured architectures are the shots: design (the default for a new device), HELP&apos;s reference architectures, or a seeded random draw</source>
        <translation>Welche der auf dem Ziel gemessenen Architekturen die Shots sind: design (Standard für ein neues Gerät), HELPs Referenzarchitekturen oder eine Zufallsauswahl mit Seed</translation>
    </message>
    <message>
        <source>The random draw&apos;s seed (the same seed draws the same shots); design and reference ignore it</source>
        <translation>Der Seed der Zufallsauswahl (derselbe Seed wählt dieselben Shots); design und reference beachten ihn nicht</translation>
    </message>
    <message>
        <source>Shot policy:</source>
        <translation>Shot-Auswahl:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Stored the adapted predictor as %1 (shots chosen by %2); File &gt; Export predictor writes it as a .maplepred file</source>
        <translation>Angepassten Prädiktor als %1 gespeichert (Shots gewählt mit %2); Datei &gt; Prädiktor exportieren schreibt ihn als .maplepred-Datei</translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n shot(s) chosen by %1</source>
        <translation>
            <numerusform>Gezeigt: %n Shot, gewählt mit %1</numerusform>
            <numerusform>Gezeigt: %n Shots, gewählt mit %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maple::widgets::ArchitectureModel</name>
    <message>
        <source>Ops on live edges: skip = skip_connect, 1x1 = nor_conv_1x1, 3x3 = nor_conv_3x3, pool = avg_pool_3x3</source>
        <translation>Operationen auf aktiven Kanten: skip = skip_connect, 1x1 = nor_conv_1x1, 3x3 = nor_conv_3x3, pool = avg_pool_3x3</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>MFLOPs</source>
        <translation>MFLOPs</translation>
    </message>
    <message>
        <source>Params (M)</source>
        <translation>Parameter (M)</translation>
    </message>
    <message>
        <source>Live ops</source>
        <translation>Aktive Operationen</translation>
    </message>
    <message numerus="yes">
        <source>Median of %n sample(s) on the target; every count and predictor uses this one value</source>
        <translation>
            <numerusform>Median von %n Messung auf dem Ziel; jede Zählung und jeder Prädiktor verwendet diesen einen Wert</numerusform>
            <numerusform>Median von %n Messungen auf dem Ziel; jede Zählung und jeder Prädiktor verwendet diesen einen Wert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2 %)%3</source>
        <translation>%1 (%2 %)%3</translation>
    </message>
    <message>
        <source>, high spread</source>
        <translation>, hohe Streuung</translation>
    </message>
    <message>
        <source>%1 in %2 samples</source>
        <translation>%1 in %2 Messungen</translation>
    </message>
    <message>
        <source>Measured on the target device: the median of its samples, their interquartile range and timed runs</source>
        <translation>Auf dem Zielgerät gemessen: der Median seiner Messungen, ihr Interquartilsabstand und die gemessenen Läufe</translation>
    </message>
    <message>
        <source>Measured (ms)</source>
        <translation>Gemessen (ms)</translation>
    </message>
    <message>
        <source>IQR (ms)</source>
        <translation>IQR (ms)</translation>
    </message>
    <message>
        <source>Timed runs</source>
        <translation>Gemessene Läufe</translation>
    </message>
    <message>
        <source>Drawn by the %1 space&apos;s sampler: not in the imported data set</source>
        <translation>Vom Sampler des Suchraums %1 gezogen: nicht im importierten Datensatz</translation>
    </message>
    <message>
        <source>sampled</source>
        <translation>gezogen</translation>
    </message>
    <message>
        <source>Blocks over the network&apos;s layers: k3/k5 = kernel, e1/e3/e6 = expansion, g2 = grouped, skip = no block</source>
        <translation>Blöcke über die Schichten des Netzes: k3/k5 = Kernel, e1/e3/e6 = Expansion, g2 = gruppiert, skip = kein Block</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>Blöcke</translation>
    </message>
</context>
<context>
    <name>maple::widgets::CapturePage</name>
    <message>
        <source>perf_event_paranoid = %1%2, counting scope %3.</source>
        <translation>perf_event_paranoid = %1%2, Zählbereich %3.</translation>
    </message>
    <message>
        <source> (privileged)</source>
        <translation> (privilegiert)</translation>
    </message>
    <message>
        <source>Software events still count: a capture then yields the software-timing descriptor, never passed off as counters. </source>
        <translation>Software-Ereignisse zählen weiterhin: eine Erfassung ergibt dann den Software-Timing-Deskriptor, der nie als Zähler ausgegeben wird. </translation>
    </message>
    <message>
        <source> Unprivileged counting is off: run &lt;tt&gt;sudo sysctl kernel.perf_event_paranoid=2&lt;/tt&gt; or grant CAP_PERFMON.</source>
        <translation> Zählen ohne Privilegien ist abgeschaltet: &lt;tt&gt;sudo sysctl kernel.perf_event_paranoid=2&lt;/tt&gt; ausführen oder CAP_PERFMON gewähren.</translation>
    </message>
    <message>
        <source>Probing what this machine can count...</source>
        <translation>Prüfe, was dieser Rechner zählen kann …</translation>
    </message>
    <message>
        <source>The device the capture is stored under; a new name is created from this machine</source>
        <translation type="vanished">Das Gerät, unter dem die Erfassung gespeichert wird; ein neuer Name wird aus diesem Rechner angelegt</translation>
    </message>
    <message>
        <source>Allow software-only capture</source>
        <translation>Erfassung nur mit Software-Ereignissen erlauben</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>End now and store the steps counted so far as a partial capture (the step in progress is dropped); Cancel stores nothing</source>
        <translation>Jetzt beenden und die bisher gezählten Schritte als Teilerfassung speichern (der laufende Schritt entfällt); Abbrechen speichert nichts</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export plot...</source>
        <translation>Diagramm exportieren …</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="vanished">Gerät:</translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation>Arbeitslast:</translation>
    </message>
    <message>
        <source>Timed repeats:</source>
        <translation>Gemessene Wiederholungen:</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>Time since counting started (s)</source>
        <translation>Zeit seit Beginn des Zählens (s)</translation>
    </message>
    <message>
        <source>Events per ms</source>
        <translation>Ereignisse pro ms</translation>
    </message>
    <message>
        <source>Probe failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Listing devices</source>
        <translation type="vanished">Liste Geräte auf</translation>
    </message>
    <message>
        <source>Probing counters</source>
        <translation>Prüfe Zähler</translation>
    </message>
    <message>
        <source>Open or create a project first (File &gt; Open).</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen (Datei &gt; Öffnen).</translation>
    </message>
    <message>
        <source>Tick at least one available event to count.</source>
        <translation>Mindestens ein verfügbares Ereignis zum Zählen ankreuzen.</translation>
    </message>
    <message>
        <source>Capturing %1</source>
        <translation>Erfasse %1</translation>
    </message>
    <message numerus="yes">
        <source>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor(s)</source>
        <translation>
            <numerusform>Teilerfassung %1 gespeichert (angehalten nach %2 von %3 Schritten) mit %n Deskriptor</numerusform>
            <numerusform>Teilerfassung %1 gespeichert (angehalten nach %2 von %3 Schritten) mit %n Deskriptoren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Capture %1 stored with %n descriptor(s)</source>
        <translation>
            <numerusform>Erfassung %1 mit %n Deskriptor gespeichert</numerusform>
            <numerusform>Erfassung %1 mit %n Deskriptoren gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <source> (software events only: no hardware counter could be read)</source>
        <translation> (nur Software-Ereignisse: kein Hardware-Zähler ließ sich lesen)</translation>
    </message>
    <message>
        <source>Past captures on the target</source>
        <translation>Frühere Erfassungen auf dem Ziel</translation>
    </message>
    <message>
        <source>Open a capture stored in the project: its series, per-event totals and descriptors</source>
        <translation>Eine im Projekt gespeicherte Erfassung öffnen: ihre Reihen, Summen pro Ereignis und Deskriptoren</translation>
    </message>
    <message>
        <source>The reference workload counted while its operators and networks run</source>
        <translation>Die Referenz-Arbeitslast, gezählt während ihre Operatoren und Netze laufen</translation>
    </message>
    <message>
        <source>cpu runs the workload on this CPU; cuda on the first GPU (the counters then describe the CPU thread that drives it)</source>
        <translation>cpu führt die Arbeitslast auf dieser CPU aus; cuda auf der ersten GPU (die Zähler beschreiben dann den CPU-Thread, der sie steuert)</translation>
    </message>
    <message>
        <source>Timed runs per workload step</source>
        <translation>Gemessene Läufe pro Schritt der Arbeitslast</translation>
    </message>
    <message>
        <source>Where no hardware counter can be read, count software events only and store a software-timing descriptor (never passed off as counters)</source>
        <translation>Wo sich kein Hardware-Zähler lesen lässt, nur Software-Ereignisse zählen und einen Software-Timing-Deskriptor speichern (nie als Zähler ausgegeben)</translation>
    </message>
    <message>
        <source>Count the workload on the target device (this machine, or a remote device through its launcher) and store the capture under that device</source>
        <translation>Die Arbeitslast auf dem Zielgerät zählen (diesem Rechner oder einem entfernten Gerät über seinen Starter) und die Erfassung unter diesem Gerät speichern</translation>
    </message>
    <message>
        <source>End now and store nothing</source>
        <translation>Jetzt beenden und nichts speichern</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Engine:</translation>
    </message>
    <message>
        <source>choose the target device at the top of the window</source>
        <translation>das Zielgerät oben im Fenster wählen</translation>
    </message>
    <message>
        <source>%1 is imported reference data: choose this machine or a local device to capture</source>
        <translation>%1 sind importierte Referenzdaten: zum Erfassen diesen Rechner oder ein lokales Gerät wählen</translation>
    </message>
    <message>
        <source>Listing captures</source>
        <translation>Liste Erfassungen auf</translation>
    </message>
    <message>
        <source>#%1 %2, %3%4</source>
        <translation>#%1 %2, %3%4</translation>
    </message>
    <message>
        <source> (partial)</source>
        <translation> (teilweise)</translation>
    </message>
    <message>
        <source>No past captures on the target</source>
        <translation>Keine früheren Erfassungen auf dem Ziel</translation>
    </message>
    <message numerus="yes">
        <source>%n past capture(s) on the target</source>
        <translation>
            <numerusform>%n frühere Erfassung auf dem Ziel</numerusform>
            <numerusform>%n frühere Erfassungen auf dem Ziel</numerusform>
        </translation>
    </message>
    <message>
        <source>Opening capture %1</source>
        <translation>Öffne Erfassung %1</translation>
    </message>
    <message numerus="yes">
        <source>Capture %1 of %2 (%3), %n step(s) counted</source>
        <translation>
            <numerusform>Erfassung %1 von %2 (%3), %n Schritt gezählt</numerusform>
            <numerusform>Erfassung %1 von %2 (%3), %n Schritte gezählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Capturing needs a local target device: choose this machine or a local device at the top of the window.</source>
        <translation>Erfassen braucht ein lokales Zielgerät: oben im Fenster diesen Rechner oder ein lokales Gerät wählen.</translation>
    </message>
    <message>
        <source>No hardware counter is ticked or countable here, and a software-only capture is not allowed: tick &quot;Allow software-only capture&quot; for a software-timing descriptor, or run on a machine whose performance counters can be read.</source>
        <translation>Hier ist kein Hardware-Zähler angekreuzt oder zählbar, und eine Erfassung nur mit Software-Ereignissen ist nicht erlaubt: »Erfassung nur mit Software-Ereignissen erlauben« ankreuzen für einen Software-Timing-Deskriptor, oder auf einem Rechner laufen lassen, dessen Leistungszähler sich lesen lassen.</translation>
    </message>
    <message>
        <source>%1, remote through %2: it counts the events it can of MAPLE&apos;s set; Stop is not available (Cancel ends the launcher)</source>
        <translation type="vanished">%1, entfernt über %2: es zählt die Ereignisse aus MAPLEs Satz, die es zählen kann; Anhalten ist nicht verfügbar (Abbrechen beendet den Launcher)</translation>
    </message>
    <message>
        <source>%1, remote through %2: it counts the events it can of MAPLE&apos;s set, streamed here as it counts them (Cancel also ends the launcher)</source>
        <translation>%1, entfernt über %2: es zählt die Ereignisse aus MAPLEs Satz, die es zählen kann, und schickt sie hierher, während es zählt (Abbrechen beendet auch den Launcher)</translation>
    </message>
</context>
<context>
    <name>maple::widgets::CrossDevicePage</name>
    <message>
        <source>Compare two evaluations</source>
        <translation>Zwei Auswertungen vergleichen</translation>
    </message>
    <message>
        <source>Show a second evaluation beside the first, with linked axes and the metric differences</source>
        <translation>Eine zweite Auswertung neben der ersten zeigen, mit verbundenen Achsen und den Unterschieden der Kennzahlen</translation>
    </message>
    <message>
        <source>The regressor trained on the other folds</source>
        <translation>Der auf den anderen Folds trainierte Regressor</translation>
    </message>
    <message>
        <source>How devices are described to the predictor</source>
        <translation>Wie Geräte dem Prädiktor beschrieben werden</translation>
    </message>
    <message>
        <source>Measured architectures of each test device used to adapt; they are not scored</source>
        <translation>Gemessene Architekturen jedes Testgeräts, die zum Anpassen dienen; sie werden nicht bewertet</translation>
    </message>
    <message>
        <source>Devices are split into this many groups, same-chip devices in one group; each group is predicted by a model trained on the others</source>
        <translation>Die Geräte werden in so viele Gruppen geteilt, Geräte mit demselben Chip in eine Gruppe; jede Gruppe sagt ein Modell vorher, das auf den anderen trainiert wurde</translation>
    </message>
    <message>
        <source>every measured architecture</source>
        <translation>jede gemessene Architektur</translation>
    </message>
    <message>
        <source>HELP&apos;s protocol</source>
        <translation>HELPs Protokoll</translation>
    </message>
    <message>
        <source>Which architectures are scored: all measured ones, or HELP&apos;s query set</source>
        <translation>Welche Architekturen bewertet werden: alle gemessenen oder HELPs Abfragemenge</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>The pane the new evaluation is shown in</source>
        <translation>Der Bereich, in dem die neue Auswertung erscheint</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Auswerten</translation>
    </message>
    <message>
        <source>Predict every ticked device with a model that never saw it, and store the evaluation</source>
        <translation>Jedes angekreuzte Gerät mit einem Modell vorhersagen, das es nie gesehen hat, und die Auswertung speichern</translation>
    </message>
    <message>
        <source>The devices dealt into folds and predicted</source>
        <translation>Die auf Folds verteilten und vorhergesagten Geräte</translation>
    </message>
    <message>
        <source>Cross-device evaluation</source>
        <translation>Geräteübergreifende Auswertung</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>Descriptor:</source>
        <translation>Deskriptor:</translation>
    </message>
    <message>
        <source>Shots:</source>
        <translation>Shots:</translation>
    </message>
    <message>
        <source>Device folds:</source>
        <translation>Geräte-Folds:</translation>
    </message>
    <message>
        <source>Scored:</source>
        <translation>Bewertet:</translation>
    </message>
    <message>
        <source>Show in:</source>
        <translation>Anzeigen in:</translation>
    </message>
    <message>
        <source>Devices:</source>
        <translation>Geräte:</translation>
    </message>
    <message>
        <source>Stored evaluations</source>
        <translation>Gespeicherte Auswertungen</translation>
    </message>
    <message>
        <source>Open an evaluation stored in the project</source>
        <translation>Eine im Projekt gespeicherte Auswertung öffnen</translation>
    </message>
    <message>
        <source>Rename...</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Give the shown evaluation a name</source>
        <translation>Der angezeigten Auswertung einen Namen geben</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the shown evaluation from the project</source>
        <translation>Die angezeigte Auswertung aus dem Projekt löschen</translation>
    </message>
    <message>
        <source>Rename evaluation</source>
        <translation>Auswertung umbenennen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Delete evaluation</source>
        <translation>Auswertung löschen</translation>
    </message>
    <message>
        <source>Delete %1 from the project?</source>
        <translation>%1 aus dem Projekt löschen?</translation>
    </message>
    <message>
        <source>Listing evaluations</source>
        <translation>Liste Auswertungen auf</translation>
    </message>
    <message>
        <source>No stored evaluations; press Evaluate to make one</source>
        <translation>Keine gespeicherten Auswertungen; »Auswerten« erstellt eine</translation>
    </message>
    <message numerus="yes">
        <source>%n stored evaluation(s)</source>
        <translation>
            <numerusform>%n gespeicherte Auswertung</numerusform>
            <numerusform>%n gespeicherte Auswertungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>#%1 %2: %3 on %4, %n shot(s), %5 points (%6)</source>
        <translation>
            <numerusform>#%1 %2: %3 auf %4, %n Shot, %5 Punkte (%6)</numerusform>
            <numerusform>#%1 %2: %3 auf %4, %n Shots, %5 Punkte (%6)</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading evaluation %1</source>
        <translation>Lade Auswertung %1</translation>
    </message>
    <message>
        <source>Showing evaluation #%1 (%2)</source>
        <translation>Zeige Auswertung #%1 (%2)</translation>
    </message>
    <message>
        <source>Renaming evaluation %1</source>
        <translation>Benenne Auswertung %1 um</translation>
    </message>
    <message>
        <source>Evaluation #%1 is now called %2</source>
        <translation>Auswertung #%1 heißt jetzt %2</translation>
    </message>
    <message>
        <source>Deleting evaluation %1</source>
        <translation>Lösche Auswertung %1</translation>
    </message>
    <message>
        <source>Deleted evaluation #%1</source>
        <translation>Auswertung #%1 gelöscht</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Zuerst ein Projekt öffnen.</translation>
    </message>
    <message>
        <source>Tick at least as many devices as there are folds (%1).</source>
        <translation type="vanished">Mindestens so viele Geräte ankreuzen, wie es Folds gibt (%1).</translation>
    </message>
    <message>
        <source>Evaluating %1 across devices</source>
        <translation>Werte %1 geräteübergreifend aus</translation>
    </message>
    <message>
        <source>%1: %2 predictions, stored as evaluation #%3</source>
        <translation>%1: %2 Vorhersagen, als Auswertung #%3 gespeichert</translation>
    </message>
    <message>
        <source>Tick at least as many devices with more than %1 measured architectures as there are folds (%2).</source>
        <translation>Mindestens so viele Geräte mit mehr als %1 gemessenen Architekturen ankreuzen, wie es Folds gibt (%2).</translation>
    </message>
    <message>
        <source>; left out, too few measured: %1</source>
        <translation>; ausgelassen, zu wenige gemessen: %1</translation>
    </message>
</context>
<context>
    <name>maple::widgets::DescriptorModel</name>
    <message>
        <source>Descriptor</source>
        <translation>Deskriptor</translation>
    </message>
    <message>
        <source>Value name</source>
        <translation>Wertname</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>maple::widgets::DeviceModel</name>
    <message>
        <source> GB</source>
        <translation> GB</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>Caches</source>
        <translation>Caches</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation>Laufzeitumgebung</translation>
    </message>
    <message>
        <source>Descriptors</source>
        <translation>Deskriptoren</translation>
    </message>
    <message>
        <source>Latency samples</source>
        <translation>Latenzmessungen</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Microarchitecture</source>
        <translation>Mikroarchitektur</translation>
    </message>
    <message>
        <source>SMs</source>
        <translation>SMs</translation>
    </message>
    <message>
        <source>Base clock</source>
        <translation>Basistakt</translation>
    </message>
    <message>
        <source>Boost clock</source>
        <translation>Boost-Takt</translation>
    </message>
    <message>
        <source>Peak FP32</source>
        <translation>FP32-Spitze</translation>
    </message>
    <message>
        <source>Memory type</source>
        <translation>Speichertyp</translation>
    </message>
    <message>
        <source>Memory bandwidth</source>
        <translation>Speicherbandbreite</translation>
    </message>
    <message>
        <source>TDP</source>
        <translation>TDP</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Anmerkungen</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
</context>
<context>
    <name>maple::widgets::DevicesPage</name>
    <message>
        <source>&lt;h3&gt;This machine: %1&lt;/h3&gt;&lt;table&gt;</source>
        <translation>&lt;h3&gt;Dieser Rechner: %1&lt;/h3&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Microarchitecture</source>
        <translation>Mikroarchitektur</translation>
    </message>
    <message>
        <source>Logical CPUs</source>
        <translation>Logische CPUs</translation>
    </message>
    <message>
        <source>Physical cores</source>
        <translation>Physische Kerne</translation>
    </message>
    <message>
        <source>L1d / L2 / L3</source>
        <translation>L1d / L2 / L3</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <source>Max clock</source>
        <translation>Höchsttakt</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation>GPU %1</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPUs</translation>
    </message>
    <message>
        <source>Press &lt;i&gt;Add to project&lt;/i&gt; to store it as a device.</source>
        <translation>&lt;i&gt;Zum Projekt hinzufügen&lt;/i&gt; speichert ihn als Gerät.</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Detect this machine</source>
        <translation>Diesen Rechner erkennen</translation>
    </message>
    <message>
        <source>Add to project...</source>
        <translation>Zum Projekt hinzufügen …</translation>
    </message>
    <message>
        <source>Merge devices from project...</source>
        <translation>Geräte aus Projekt übernehmen …</translation>
    </message>
    <message>
        <source>Add this machine</source>
        <translation>Diesen Rechner hinzufügen</translation>
    </message>
    <message>
        <source>Device name:</source>
        <translation>Gerätename:</translation>
    </message>
    <message>
        <source>Merge devices from project</source>
        <translation>Geräte aus Projekt übernehmen</translation>
    </message>
    <message>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation>MAPLE-Projekte (*.maple);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Loading devices</source>
        <translation>Lade Geräte</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>%n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <source>Detecting this machine</source>
        <translation>Erkenne diesen Rechner</translation>
    </message>
    <message>
        <source>Detected %1</source>
        <translation>%1 erkannt</translation>
    </message>
    <message>
        <source>Adding %1</source>
        <translation>Füge %1 hinzu</translation>
    </message>
    <message>
        <source>Merging %1</source>
        <translation>Übernehme %1</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n device(s)</source>
        <translation>
            <numerusform>%n Gerät übernommen</numerusform>
            <numerusform>%n Geräte übernommen</numerusform>
        </translation>
    </message>
    <message>
        <source> with %1 latency samples, %2 captures, %3 descriptors</source>
        <translation> mit %1 Latenzmessungen, %2 Erfassungen, %3 Deskriptoren</translation>
    </message>
    <message>
        <source>; skipped (already here): %1</source>
        <translation>; übersprungen (schon vorhanden): %1</translation>
    </message>
    <message>
        <source>Read the devices of the project again</source>
        <translation>Die Geräte des Projekts neu einlesen</translation>
    </message>
    <message>
        <source>Read this machine&apos;s CPU, caches, memory and CUDA devices; nothing is written</source>
        <translation>CPU, Caches, Speicher und CUDA-Geräte dieses Rechners lesen; nichts wird geschrieben</translation>
    </message>
    <message>
        <source>Store the detected machine as a new device (a name already in the project is refused)</source>
        <translation>Den erkannten Rechner als neues Gerät speichern (ein schon im Projekt vorhandener Name wird abgelehnt)</translation>
    </message>
    <message>
        <source>Copy devices, their latencies, captures and descriptors from another project file; names already here are skipped</source>
        <translation>Geräte mit ihren Latenzen, Erfassungen und Deskriptoren aus einer anderen Projektdatei kopieren; schon vorhandene Namen werden übersprungen</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>%1 hinzugefügt</translation>
    </message>
    <message>
        <source>Add remote device...</source>
        <translation>Entferntes Gerät hinzufügen …</translation>
    </message>
    <message>
        <source>Reach a board, phone or cluster node through a launcher (ssh, srun, adb shell) that runs maple agent there; test the connection, then add the device</source>
        <translation>Ein Board, ein Telefon oder einen Cluster-Knoten über einen Launcher (ssh, srun, adb shell) erreichen, der dort maple agent startet; die Verbindung testen, dann das Gerät hinzufügen</translation>
    </message>
    <message>
        <source>Added %1 (remote)</source>
        <translation>%1 hinzugefügt (entfernt)</translation>
    </message>
</context>
<context>
    <name>maple::widgets::EvaluationView</name>
    <message>
        <source>No evaluation shown</source>
        <translation>Keine Auswertung angezeigt</translation>
    </message>
    <message>
        <source>Relative error (%), test points; ends hold everything beyond</source>
        <translation>Relativer Fehler (%), Testpunkte; die Ränder fassen alles darüber hinaus</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>Export plots...</source>
        <translation>Diagramme exportieren …</translation>
    </message>
    <message>
        <source>Scatter...</source>
        <translation>Streudiagramm …</translation>
    </message>
    <message>
        <source>Histogram...</source>
        <translation>Histogramm …</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Zoom zurücksetzen</translation>
    </message>
    <message>
        <source>Error histogram</source>
        <translation>Fehlerhistogramm</translation>
    </message>
    <message>
        <source>Per-device metrics</source>
        <translation>Kennzahlen pro Gerät</translation>
    </message>
    <message>
        <source>Worst predictions</source>
        <translation>Schlechteste Vorhersagen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n device(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 Punkte auf %n Gerät</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 Punkte auf %n Geräten</numerusform>
        </translation>
    </message>
    <message>
        <source>Over the test points only: adaptation samples are not scored</source>
        <translation>Nur über die Testpunkte: Anpassungsstichproben werden nicht bewertet</translation>
    </message>
    <message>
        <source>Save the scatter or the histogram as PNG (choose size and resolution), PDF or SVG</source>
        <translation>Das Streudiagramm oder das Histogramm als PNG (Größe und Auflösung wählbar), PDF oder SVG speichern</translation>
    </message>
    <message>
        <source>Show every point again after zooming or panning with the mouse</source>
        <translation>Nach Zoomen oder Verschieben mit der Maus wieder alle Punkte zeigen</translation>
    </message>
    <message>
        <source>Select a row to ring the architecture in the scatter; double-click to show it on the Samples page</source>
        <translation>Eine Zeile wählen, um die Architektur im Streudiagramm einzukreisen; Doppelklick zeigt sie auf der Seite Stichproben</translation>
    </message>
    <message>
        <source>Show in Samples</source>
        <translation>In Stichproben zeigen</translation>
    </message>
    <message>
        <source>No test points: every measured architecture was used to adapt</source>
        <translation>Keine Testpunkte: jede gemessene Architektur diente zum Anpassen</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 %&lt;/b&gt; within +-10 % &amp;middot; Spearman %2 &amp;middot; MAPE %3 % &amp;middot; over %n test point(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1 %&lt;/b&gt; innerhalb ±10 % &amp;middot; Spearman %2 &amp;middot; MAPE %3 % &amp;middot; über %n Testpunkt</numerusform>
            <numerusform>&lt;b&gt;%1 %&lt;/b&gt; innerhalb ±10 % &amp;middot; Spearman %2 &amp;middot; MAPE %3 % &amp;middot; über %n Testpunkte</numerusform>
        </translation>
    </message>
    <message>
        <source>Against the left: within +-10 % %1 points, Spearman %2, MAPE %3 points</source>
        <translation>Gegenüber links: innerhalb ±10 % %1 Punkte, Spearman %2, MAPE %3 Punkte</translation>
    </message>
    <message>
        <source>test points</source>
        <translation>Testpunkte</translation>
    </message>
</context>
<context>
    <name>maple::widgets::EventModel</name>
    <message>
        <source>encoded as %1</source>
        <translation>kodiert als %1</translation>
    </message>
    <message>
        <source>hardware</source>
        <translation>Hardware</translation>
    </message>
    <message>
        <source>software</source>
        <translation>Software</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no (%1)</source>
        <translation>nein (%1)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Why not, and the fix</source>
        <translation>Warum nicht, und die Abhilfe</translation>
    </message>
</context>
<context>
    <name>maple::widgets::EventSummaryModel</name>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Readings</source>
        <translation>Messwerte</translation>
    </message>
    <message>
        <source>Total (scaled)</source>
        <translation>Summe (skaliert)</translation>
    </message>
    <message>
        <source>Mean rate (/s)</source>
        <translation>Mittlere Rate (/s)</translation>
    </message>
    <message>
        <source>Multiplex scale</source>
        <translation>Multiplex-Faktor</translation>
    </message>
</context>
<context>
    <name>maple::widgets::JobBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source> failed: </source>
        <translation type="vanished"> fehlgeschlagen: </translation>
    </message>
    <message>
        <source> cancelled: </source>
        <translation type="vanished"> abgebrochen: </translation>
    </message>
    <message>
        <source>Stop the running work; what it already stored is kept and reported</source>
        <translation>Die laufende Arbeit anhalten; was schon gespeichert ist, bleibt erhalten und wird gemeldet</translation>
    </message>
    <message>
        <source>%1: cancelling...</source>
        <translation>%1: breche ab …</translation>
    </message>
    <message>
        <source>%1 waits until %2 is done</source>
        <translation>%1 wartet, bis %2 fertig ist</translation>
    </message>
    <message>
        <source> (it had finished before Cancel reached it)</source>
        <translation> (sie war fertig, bevor Abbrechen sie erreichte)</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 cancelled: %2</source>
        <translation>%1 abgebrochen: %2</translation>
    </message>
</context>
<context>
    <name>maple::widgets::MainWindow</name>
    <message>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation>MAPLE-Projekte (*.maple);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Erfassung</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>Vorhersagen</translation>
    </message>
    <message>
        <source>MAPLE Workbench</source>
        <translation>MAPLE Workbench</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New project...</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation>Projekt ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Import data...</source>
        <translation>Daten &amp;importieren …</translation>
    </message>
    <message>
        <source>Folder holding nb201_latency_ms.csv</source>
        <translation type="vanished">Ordner mit nb201_latency_ms.csv</translation>
    </message>
    <message>
        <source>&amp;Export predictor...</source>
        <translation>Prädiktor &amp;exportieren …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation>&amp;Geräte</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>&amp;Erfassung</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>&amp;Stichproben</translation>
    </message>
    <message>
        <source>&amp;Predictions</source>
        <translation>&amp;Vorhersagen</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Öffne %1</translation>
    </message>
    <message>
        <source>%1 - MAPLE Workbench</source>
        <translation>%1 – MAPLE Workbench</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>Projekt kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>Projekt kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Daten importieren</translation>
    </message>
    <message>
        <source>Open or create a project first, then import into it.</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen, dann hinein importieren.</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importiere %1</translation>
    </message>
    <message>
        <source>Imported %1 devices, %2 architectures, %3 new latency samples (%4 already there)</source>
        <translation>%1 Geräte, %2 Architekturen, %3 neue Latenzmessungen importiert (%4 schon vorhanden)</translation>
    </message>
    <message>
        <source>Export predictor</source>
        <translation>Prädiktor exportieren</translation>
    </message>
    <message>
        <source>Open a project first; its trained predictors can then be exported.</source>
        <translation>Zuerst ein Projekt öffnen; dann lassen sich seine trainierten Prädiktoren exportieren.</translation>
    </message>
    <message>
        <source>Listing predictors</source>
        <translation>Liste Prädiktoren auf</translation>
    </message>
    <message>
        <source>This project holds no trained predictor: train one with &apos;maple train --project %1&apos;, or import a .maplepred file with &apos;maple predictors import&apos;</source>
        <translation type="vanished">Dieses Projekt enthält keinen trainierten Prädiktor: einen mit &apos;maple train --project %1&apos; trainieren oder eine .maplepred-Datei mit &apos;maple predictors import&apos; importieren</translation>
    </message>
    <message>
        <source>Predictor:</source>
        <translation>Prädiktor:</translation>
    </message>
    <message>
        <source>MAPLE predictors (*.maplepred)</source>
        <translation>MAPLE-Prädiktoren (*.maplepred)</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Exportiere %1</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 nach %2 exportiert</translation>
    </message>
    <message>
        <source>Target device</source>
        <translation>Zielgerät</translation>
    </message>
    <message>
        <source>This project holds no predictor yet: on the Predictions page choose &quot;Adapt to the target device&quot; and press Adapt; the adapted predictor is stored in the project and can then be exported.</source>
        <translation>Dieses Projekt enthält noch keinen Prädiktor: auf der Seite Vorhersagen »An das Zielgerät anpassen« wählen und »Anpassen« drücken; der angepasste Prädiktor wird im Projekt gespeichert und lässt sich dann exportieren.</translation>
    </message>
    <message>
        <source>Add &amp;remote device...</source>
        <translation>&amp;Entferntes Gerät hinzufügen …</translation>
    </message>
    <message>
        <source>Folder holding nb201_latency_ms.csv or fbnet_latency_ms.csv</source>
        <translation>Ordner mit nb201_latency_ms.csv oder fbnet_latency_ms.csv</translation>
    </message>
    <message>
        <source>This project holds no %1 predictor, only predictors of other search spaces: choose their space at the top of the window</source>
        <translation>Dieses Projekt enthält keinen %1-Prädiktor, nur Prädiktoren anderer Suchräume: wählen Sie deren Suchraum oben im Fenster</translation>
    </message>
</context>
<context>
    <name>maple::widgets::MetricsModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Test points</source>
        <translation>Testpunkte</translation>
    </message>
    <message>
        <source>MAPE (%)</source>
        <translation>MAPE (%)</translation>
    </message>
    <message>
        <source>Within +-10 % (%)</source>
        <translation>Innerhalb ±10 % (%)</translation>
    </message>
    <message>
        <source>RMSE (ms)</source>
        <translation>RMSE (ms)</translation>
    </message>
    <message>
        <source>Spearman rho</source>
        <translation>Spearman-Rho</translation>
    </message>
    <message>
        <source>Worst error (%)</source>
        <translation>Größter Fehler (%)</translation>
    </message>
    <message>
        <source>Every test point of the evaluation</source>
        <translation>Jeder Testpunkt der Auswertung</translation>
    </message>
    <message>
        <source>Select the row to highlight this device&apos;s points</source>
        <translation>Die Zeile wählen, um die Punkte dieses Geräts hervorzuheben</translation>
    </message>
</context>
<context>
    <name>maple::widgets::PredictionsPage</name>
    <message>
        <source>Devices are split into this many groups; each group is predicted by a model trained on the others</source>
        <translation type="vanished">Die Geräte werden in so viele Gruppen geteilt; jede Gruppe sagt ein Modell vorher, das auf den anderen trainiert wurde</translation>
    </message>
    <message>
        <source>left</source>
        <translation type="vanished">links</translation>
    </message>
    <message>
        <source>right</source>
        <translation type="vanished">rechts</translation>
    </message>
    <message>
        <source>Train and adapt</source>
        <translation type="vanished">Trainieren und anpassen</translation>
    </message>
    <message>
        <source>Compare two evaluations</source>
        <translation type="vanished">Zwei Auswertungen vergleichen</translation>
    </message>
    <message>
        <source>Predict every device</source>
        <translation type="vanished">Jedes Gerät vorhersagen</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation type="vanished">Methode:</translation>
    </message>
    <message>
        <source>Descriptor:</source>
        <translation type="vanished">Deskriptor:</translation>
    </message>
    <message>
        <source>Shots:</source>
        <translation type="vanished">Shots:</translation>
    </message>
    <message>
        <source>Device folds:</source>
        <translation type="vanished">Geräte-Folds:</translation>
    </message>
    <message>
        <source>Show in:</source>
        <translation type="vanished">Anzeigen in:</translation>
    </message>
    <message>
        <source>Stored evaluations</source>
        <translation type="vanished">Gespeicherte Auswertungen</translation>
    </message>
    <message>
        <source>Listing evaluations</source>
        <translation type="vanished">Liste Auswertungen auf</translation>
    </message>
    <message>
        <source>No stored evaluations; press Train and adapt to make one</source>
        <translation type="vanished">Keine gespeicherten Auswertungen; »Trainieren und anpassen« erstellt eine</translation>
    </message>
    <message numerus="yes">
        <source>%n stored evaluation(s)</source>
        <translation type="vanished">
            <numerusform>%n gespeicherte Auswertung</numerusform>
            <numerusform>%n gespeicherte Auswertungen</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2 on %3, %4 shots, %5 points (%6)</source>
        <translation type="vanished">#%1 %2 auf %3, %4 Shots, %5 Punkte (%6)</translation>
    </message>
    <message>
        <source>Loading evaluation %1</source>
        <translation type="vanished">Lade Auswertung %1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="vanished">Zuerst ein Projekt öffnen.</translation>
    </message>
    <message>
        <source>Training %1 and adapting</source>
        <translation type="vanished">Trainiere %1 und passe an</translation>
    </message>
    <message>
        <source>%1: %2 predictions, stored</source>
        <translation type="vanished">%1: %2 Vorhersagen, gespeichert</translation>
    </message>
    <message>
        <source>Adapt to the target</source>
        <translation>An das Ziel anpassen</translation>
    </message>
    <message>
        <source>Cross-device evaluation</source>
        <translation>Geräteübergreifende Auswertung</translation>
    </message>
    <message>
        <source>Adapt a predictor to the target device from its measured architectures and store it</source>
        <translation>Einen Prädiktor aus den gemessenen Architekturen an das Zielgerät anpassen und speichern</translation>
    </message>
    <message>
        <source>Predict every chosen device with a model that never saw it; compare evaluations</source>
        <translation>Jedes gewählte Gerät mit einem Modell vorhersagen, das es nie gesehen hat; Auswertungen vergleichen</translation>
    </message>
    <message>
        <source>Adapt to %1</source>
        <translation>An %1 anpassen</translation>
    </message>
</context>
<context>
    <name>maple::widgets::RemoteDeviceDialog</name>
    <message>
        <source>Hardware PMU</source>
        <translation>Hardware-PMU</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>perf_event_paranoid</source>
        <translation>perf_event_paranoid</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>Countable events</source>
        <translation>Zählbare Ereignisse</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Add remote device</source>
        <translation>Entferntes Gerät hinzufügen</translation>
    </message>
    <message>
        <source>A command line whose stdin and stdout reach maple agent on the device: ssh, srun or adb shell. It runs without a shell: nothing in it is expanded.</source>
        <translation>Eine Befehlszeile, deren stdin und stdout maple agent auf dem Gerät erreichen: ssh, srun oder adb shell. Sie läuft ohne Shell: nichts darin wird expandiert.</translation>
    </message>
    <message>
        <source>the device&apos;s host name once tested</source>
        <translation>nach dem Test der Hostname des Geräts</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Start the launcher, check the agent&apos;s protocol, detect the device and probe what it can count; nothing is written</source>
        <translation>Den Launcher starten, das Protokoll des Agenten prüfen, das Gerät erkennen und prüfen, was es zählen kann; nichts wird geschrieben</translation>
    </message>
    <message>
        <source>Add device</source>
        <translation>Gerät hinzufügen</translation>
    </message>
    <message>
        <source>Store the tested device in the project with its launcher (a name already in the project is refused)</source>
        <translation>Das getestete Gerät mit seinem Launcher im Projekt speichern (ein schon im Projekt vorhandener Name wird abgelehnt)</translation>
    </message>
    <message>
        <source>&amp;Launcher:</source>
        <translation>&amp;Launcher:</translation>
    </message>
    <message>
        <source>Device &amp;name:</source>
        <translation>Geräte&amp;name:</translation>
    </message>
    <message>
        <source>The device runs &lt;tt&gt;maple agent&lt;/tt&gt; (the Qt-free CLI); MAPLE reaches it through a tool you already use. See the remote devices guide (remote.md).</source>
        <translation>Auf dem Gerät läuft &lt;tt&gt;maple agent&lt;/tt&gt; (die Kommandozeile ohne Qt); MAPLE erreicht es über ein Werkzeug, das Sie schon verwenden. Siehe die Anleitung zu entfernten Geräten (remote.md).</translation>
    </message>
    <message>
        <source>Give the launcher command first, e.g. ssh pi@board maple agent.</source>
        <translation>Zuerst den Launcher-Befehl angeben, z. B. ssh pi@board maple agent.</translation>
    </message>
    <message>
        <source>Testing connection</source>
        <translation>Teste Verbindung</translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1, reached through the launcher&lt;/h3&gt;&lt;table&gt;</source>
        <translation>&lt;h3&gt;%1, über den Launcher erreicht&lt;/h3&gt;&lt;table&gt;</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Connected to %1 (%2)</source>
        <translation>Verbunden mit %1 (%2)</translation>
    </message>
    <message>
        <source>Open or create a project first (File &gt; Open).</source>
        <translation>Zuerst ein Projekt öffnen oder anlegen (Datei &gt; Öffnen).</translation>
    </message>
    <message>
        <source>Test the connection of this launcher first.</source>
        <translation>Zuerst die Verbindung dieses Launchers testen.</translation>
    </message>
    <message>
        <source>Adding %1</source>
        <translation>Füge %1 hinzu</translation>
    </message>
</context>
<context>
    <name>maple::widgets::SamplesPage</name>
    <message>
        <source>Search: index or part of the architecture string</source>
        <translation>Suche: Index oder Teil der Architekturzeichenkette</translation>
    </message>
    <message>
        <source>any op</source>
        <translation>beliebige Operation</translation>
    </message>
    <message>
        <source>with %1</source>
        <translation>mit %1</translation>
    </message>
    <message>
        <source> MFLOPs</source>
        <translation> MFLOPs</translation>
    </message>
    <message>
        <source>FLOPs from</source>
        <translation>FLOPs von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Selection (over the rows that pass the filter)</source>
        <translation>Auswahl (über die Zeilen, die der Filter durchlässt)</translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation>Strategie:</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Stichproben:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>device to store the latencies under</source>
        <translation type="vanished">Gerät, unter dem die Latenzen gespeichert werden</translation>
    </message>
    <message>
        <source>cpu, cuda, or command:PROGRAM ARGS for an external runner speaking JSON lines</source>
        <translation>cpu, cuda oder command:PROGRAMM ARGUMENTE für einen externen Runner, der JSON-Zeilen spricht</translation>
    </message>
    <message>
        <source>Measure selected</source>
        <translation type="vanished">Auswahl messen</translation>
    </message>
    <message>
        <source>Measure on the target device</source>
        <translation>Auf dem Zielgerät messen</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="vanished">Gerät:</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Engine:</translation>
    </message>
    <message>
        <source>Most timed runs:</source>
        <translation>Höchstens gemessene Läufe:</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading architectures</source>
        <translation type="vanished">Lade Architekturen</translation>
    </message>
    <message numerus="yes">
        <source>%n architecture(s)</source>
        <translation>
            <numerusform>%n Architektur</numerusform>
            <numerusform>%n Architekturen</numerusform>
        </translation>
    </message>
    <message>
        <source>Selected %1 of %2 candidates with %3</source>
        <translation>%1 von %2 Kandidaten mit %3 ausgewählt</translation>
    </message>
    <message>
        <source>Selection failed: %1</source>
        <translation type="vanished">Auswahl fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>most-uncertain ranks by a predictor adapted to the target device: name it under &quot;Measure on this machine&quot; and measure HELP&apos;s reference architectures on it first</source>
        <translation type="vanished">most-uncertain ordnet nach einem an das Zielgerät angepassten Prädiktor: das Gerät unter »Auf diesem Rechner messen« benennen und zuerst HELPs Referenzarchitekturen darauf messen</translation>
    </message>
    <message>
        <source>Adapting %1 to %2 for its uncertainty</source>
        <translation>Passe %1 an %2 an, für seine Unsicherheit</translation>
    </message>
    <message>
        <source>Select architectures first (tick them, or use a strategy).</source>
        <translation>Zuerst Architekturen auswählen (ankreuzen oder eine Strategie verwenden).</translation>
    </message>
    <message>
        <source>Name the device the latencies are stored under.</source>
        <translation type="vanished">Das Gerät benennen, unter dem die Latenzen gespeichert werden.</translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n architecture(s)</source>
        <translation>
            <numerusform>Messe %n Architektur</numerusform>
            <numerusform>Messe %n Architekturen</numerusform>
        </translation>
    </message>
    <message>
        <source>Stored %1 latency samples</source>
        <translation type="vanished">%1 Latenzmessungen gespeichert</translation>
    </message>
    <message>
        <source>Only architectures with at least this many MFLOPs</source>
        <translation>Nur Architekturen mit mindestens so vielen MFLOPs</translation>
    </message>
    <message>
        <source>Only architectures with at most this many MFLOPs</source>
        <translation>Nur Architekturen mit höchstens so vielen MFLOPs</translation>
    </message>
    <message>
        <source>Only architectures with this operation on a live edge</source>
        <translation type="vanished">Nur Architekturen mit dieser Operation auf einer aktiven Kante</translation>
    </message>
    <message>
        <source>An architecture string or part of it, or indices separated by commas (11982, 431)</source>
        <translation>Eine Architekturzeichenkette oder ein Teil davon, oder durch Kommas getrennte Indizes (11982, 431)</translation>
    </message>
    <message>
        <source>Tick this many architectures among the rows that pass the filter</source>
        <translation>So viele Architekturen unter den Zeilen ankreuzen, die der Filter durchlässt</translation>
    </message>
    <message>
        <source>Tick reference architectures</source>
        <translation>Referenzarchitekturen ankreuzen</translation>
    </message>
    <message>
        <source>Tick HELP&apos;s ten reference architectures: measured on the target, they make its reference-latency descriptor</source>
        <translation>HELPs zehn Referenzarchitekturen ankreuzen: auf dem Ziel gemessen, ergeben sie seinen reference-latency-Deskriptor</translation>
    </message>
    <message>
        <source>How the samples are chosen: random, spread over FLOPs, most different from each other, or where a predictor adapted to the target is least sure</source>
        <translation>Wie die Stichproben gewählt werden: zufällig, über die FLOPs verteilt, möglichst verschieden voneinander, oder wo ein an das Ziel angepasster Prädiktor am unsichersten ist</translation>
    </message>
    <message>
        <source>The same seed chooses the same samples again</source>
        <translation>Derselbe Seed wählt wieder dieselben Stichproben</translation>
    </message>
    <message>
        <source>At most this many timed runs per architecture; fewer when the median settles earlier</source>
        <translation>Höchstens so viele gemessene Läufe pro Architektur; weniger, wenn sich der Median früher einpendelt</translation>
    </message>
    <message>
        <source>Measure ticked</source>
        <translation>Angekreuzte messen</translation>
    </message>
    <message>
        <source>Time every ticked architecture on the target device (this machine, or a remote device through its launcher) and store it under that device</source>
        <translation>Jede angekreuzte Architektur auf dem Zielgerät messen (diesem Rechner oder einem entfernten Gerät über seinen Starter) und unter diesem Gerät speichern</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>choose the target device at the top of the window</source>
        <translation>das Zielgerät oben im Fenster wählen</translation>
    </message>
    <message>
        <source>%1 is imported reference data: choose a local device or this machine as the target to measure</source>
        <translation>%1 sind importierte Referenzdaten: zum Messen ein lokales Gerät oder diesen Rechner als Ziel wählen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln shown</source>
        <translation>
            <numerusform>%1 von %Ln angezeigt</numerusform>
            <numerusform>%1 von %Ln angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>None of the reference architectures is in this project: import the NAS-Bench-201 table first</source>
        <translation type="vanished">Keine der Referenzarchitekturen ist in diesem Projekt: zuerst die NAS-Bench-201-Tabelle importieren</translation>
    </message>
    <message numerus="yes">
        <source>Ticked %n reference architecture(s)</source>
        <translation>
            <numerusform>%n Referenzarchitektur angekreuzt</numerusform>
            <numerusform>%n Referenzarchitekturen angekreuzt</numerusform>
        </translation>
    </message>
    <message>
        <source>most-uncertain ranks by a predictor adapted to the target device: choose the target at the top of the window and measure its reference architectures first</source>
        <translation>most-uncertain ordnet nach einem an das Zielgerät angepassten Prädiktor: oben im Fenster das Ziel wählen und zuerst seine Referenzarchitekturen messen</translation>
    </message>
    <message>
        <source>Measuring needs a local target device: choose this machine or a local device at the top of the window.</source>
        <translation>Messen braucht ein lokales Zielgerät: oben im Fenster diesen Rechner oder ein lokales Gerät wählen.</translation>
    </message>
    <message>
        <source>architecture %1 of %2</source>
        <translation>Architektur %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n with high spread: </source>
        <translation>
            <numerusform>%n mit hoher Streuung: </numerusform>
            <numerusform>%n mit hoher Streuung: </numerusform>
        </translation>
    </message>
    <message>
        <source>Reading what was measured on %1</source>
        <translation>Lese, was auf %1 gemessen wurde</translation>
    </message>
    <message numerus="yes">
        <source>%n measured on the target</source>
        <translation>
            <numerusform>%n auf dem Ziel gemessen</numerusform>
            <numerusform>%n auf dem Ziel gemessen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n with high spread</source>
        <translation>
            <numerusform>, %n mit hoher Streuung</numerusform>
            <numerusform>, %n mit hoher Streuung</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is hidden by the filter; clear the search and FLOPs range to see it</source>
        <translation>%1 ist durch den Filter verborgen; Suche und FLOPs-Bereich leeren, um sie zu sehen</translation>
    </message>
    <message>
        <source>%1 is not among this project&apos;s architectures</source>
        <translation>%1 ist nicht unter den Architekturen dieses Projekts</translation>
    </message>
    <message>
        <source>Selecting with %1</source>
        <translation>Auswahl mit %1</translation>
    </message>
    <message>
        <source>Only architectures with this operation (NAS-Bench-201: on a live edge; FBNet: this block in some layer)</source>
        <translation>Nur Architekturen mit dieser Operation (NAS-Bench-201: auf einer aktiven Kante; FBNet: dieser Block in einer Schicht)</translation>
    </message>
    <message>
        <source>Sample more...</source>
        <translation>Weitere ziehen...</translation>
    </message>
    <message>
        <source>Add this many architectures drawn by the space&apos;s sampler (with the seed above), beyond the project&apos;s: not in the data set, marked &quot;sampled&quot;, measured like any other</source>
        <translation>So viele Architekturen vom Sampler des Suchraums ziehen (mit dem Seed oben), über die des Projekts hinaus: nicht im Datensatz, als „gezogen“ markiert, messbar wie jede andere</translation>
    </message>
    <message>
        <source>None of the %1 reference architectures is in this project: import its data set&apos;s table first</source>
        <translation>Keine der %1-Referenzarchitekturen ist in diesem Projekt: importieren Sie zuerst die Tabelle seines Datensatzes</translation>
    </message>
    <message>
        <source>Loading %1 architectures</source>
        <translation>Lade %1-Architekturen</translation>
    </message>
    <message numerus="yes">
        <source>Sampling %n %1 architecture(s)</source>
        <translation>
            <numerusform>Ziehe %n %1-Architektur</numerusform>
            <numerusform>Ziehe %n %1-Architekturen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n sampled architecture(s), marked &quot;sampled&quot;: not in the data set; measuring one adds it to the project</source>
        <translation>
            <numerusform>%n gezogene Architektur hinzugefügt, als „gezogen“ markiert: nicht im Datensatz; eine Messung nimmt sie ins Projekt auf</numerusform>
            <numerusform>%n gezogene Architekturen hinzugefügt, als „gezogen“ markiert: nicht im Datensatz; eine Messung nimmt sie ins Projekt auf</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maple::widgets::ScatterPlot</name>
    <message>
        <source>Measured latency (ms)</source>
        <translation>Gemessene Latenz (ms)</translation>
    </message>
    <message>
        <source>Predicted latency (ms)</source>
        <translation>Vorhergesagte Latenz (ms)</translation>
    </message>
    <message>
        <source>+-10 %</source>
        <translation>±10 %</translation>
    </message>
    <message>
        <source>y = x</source>
        <translation>y = x</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3&lt;br&gt;measured %4 ms, predicted %5 ms&lt;br&gt;error %6 %%7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3&lt;br&gt;gemessen %4 ms, vorhergesagt %5 ms&lt;br&gt;Fehler %6 %%7</translation>
    </message>
    <message>
        <source> (#%1)</source>
        <translation> (#%1)</translation>
    </message>
    <message>
        <source>&lt;br&gt;(adaptation sample)</source>
        <translation>&lt;br&gt;(Anpassungsstichprobe)</translation>
    </message>
    <message>
        <source>adaptation samples (not scored)</source>
        <translation>Anpassungsstichproben (nicht bewertet)</translation>
    </message>
</context>
<context>
    <name>maple::widgets::SpacePicker</name>
    <message>
        <source>Search space:</source>
        <translation>Suchraum:</translation>
    </message>
    <message>
        <source>The search space whose architectures the pages list, measure, predict and adapt on</source>
        <translation>Der Suchraum, dessen Architekturen die Seiten auflisten, messen, vorhersagen und anpassen</translation>
    </message>
    <message>
        <source>Listing search spaces</source>
        <translation>Liste Suchräume auf</translation>
    </message>
</context>
<context>
    <name>maple::widgets::TargetBar</name>
    <message>
        <source>The device captures and measurements are recorded on and predictions adapt to</source>
        <translation>Das Gerät, für das Erfassungen und Messungen aufgezeichnet werden und an das sich Vorhersagen anpassen</translation>
    </message>
    <message>
        <source>&amp;Target device:</source>
        <translation>&amp;Zielgerät:</translation>
    </message>
    <message>
        <source>Listing target devices</source>
        <translation>Liste Zielgeräte auf</translation>
    </message>
    <message>
        <source>%1 (imported, read-only)</source>
        <translation>%1 (importiert, schreibgeschützt)</translation>
    </message>
    <message>
        <source>%1 (this machine)</source>
        <translation>%1 (dieser Rechner)</translation>
    </message>
    <message>
        <source>%1 (this machine, not in the project yet)</source>
        <translation>%1 (dieser Rechner, noch nicht im Projekt)</translation>
    </message>
    <message>
        <source>Imported reference data: predictions can adapt to it; capture and measuring need a local device</source>
        <translation>Importierte Referenzdaten: Vorhersagen können sich daran anpassen; Erfassen und Messen brauchen ein lokales Gerät</translation>
    </message>
    <message>
        <source>%1 (remote)</source>
        <translation>%1 (entfernt)</translation>
    </message>
</context>
<context>
    <name>maple::widgets::WorstModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <source>Measured (ms)</source>
        <translation>Gemessen (ms)</translation>
    </message>
    <message>
        <source>Predicted (ms)</source>
        <translation>Vorhergesagt (ms)</translation>
    </message>
    <message>
        <source>Error (%)</source>
        <translation>Fehler (%)</translation>
    </message>
</context>
</TS>
