<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
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
</context>
<context>
    <name>main</name>
    <message>
        <source>Open this project file.</source>
        <translation>Diese Projektdatei öffnen.</translation>
    </message>
    <message>
        <source>Start on this view: devices, capture, samples or predictions.</source>
        <translation>Mit dieser Ansicht beginnen: devices, capture, samples oder predictions.</translation>
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
        <translation>Mit --screenshot: zuerst die Hauptaktion der Ansicht ausführen (diesen Rechner erkennen, eine kurze Erfassung, Stichproben wählen, trainieren und anpassen). Eine Erfassung oder ein Training wird im Projekt gespeichert.</translation>
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
        <translation>Das Gerät, unter dem die Erfassung gespeichert wird; ein neuer Name wird aus diesem Rechner angelegt</translation>
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
        <translation>Gerät:</translation>
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
        <translation>Liste Geräte auf</translation>
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
        <translation> fehlgeschlagen: </translation>
    </message>
    <message>
        <source> cancelled: </source>
        <translation> abgebrochen: </translation>
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
        <translation>Ordner mit nb201_latency_ms.csv</translation>
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
        <translation>Dieses Projekt enthält keinen trainierten Prädiktor: einen mit &apos;maple train --project %1&apos; trainieren oder eine .maplepred-Datei mit &apos;maple predictors import&apos; importieren</translation>
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
</context>
<context>
    <name>maple::widgets::PredictionsPage</name>
    <message>
        <source>Devices are split into this many groups; each group is predicted by a model trained on the others</source>
        <translation>Die Geräte werden in so viele Gruppen geteilt; jede Gruppe sagt ein Modell vorher, das auf den anderen trainiert wurde</translation>
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
        <source>Train and adapt</source>
        <translation>Trainieren und anpassen</translation>
    </message>
    <message>
        <source>Compare two evaluations</source>
        <translation>Zwei Auswertungen vergleichen</translation>
    </message>
    <message>
        <source>Predict every device</source>
        <translation>Jedes Gerät vorhersagen</translation>
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
        <source>Show in:</source>
        <translation>Anzeigen in:</translation>
    </message>
    <message>
        <source>Stored evaluations</source>
        <translation>Gespeicherte Auswertungen</translation>
    </message>
    <message>
        <source>Listing evaluations</source>
        <translation>Liste Auswertungen auf</translation>
    </message>
    <message>
        <source>No stored evaluations; press Train and adapt to make one</source>
        <translation>Keine gespeicherten Auswertungen; »Trainieren und anpassen« erstellt eine</translation>
    </message>
    <message numerus="yes">
        <source>%n stored evaluation(s)</source>
        <translation>
            <numerusform>%n gespeicherte Auswertung</numerusform>
            <numerusform>%n gespeicherte Auswertungen</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2 on %3, %4 shots, %5 points (%6)</source>
        <translation>#%1 %2 auf %3, %4 Shots, %5 Punkte (%6)</translation>
    </message>
    <message>
        <source>Loading evaluation %1</source>
        <translation>Lade Auswertung %1</translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation>Zuerst ein Projekt öffnen.</translation>
    </message>
    <message>
        <source>Training %1 and adapting</source>
        <translation>Trainiere %1 und passe an</translation>
    </message>
    <message>
        <source>%1: %2 predictions, stored</source>
        <translation>%1: %2 Vorhersagen, gespeichert</translation>
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
        <translation>Gerät, unter dem die Latenzen gespeichert werden</translation>
    </message>
    <message>
        <source>cpu, cuda, or command:PROGRAM ARGS for an external runner speaking JSON lines</source>
        <translation>cpu, cuda oder command:PROGRAMM ARGUMENTE für einen externen Runner, der JSON-Zeilen spricht</translation>
    </message>
    <message>
        <source>Measure selected</source>
        <translation>Auswahl messen</translation>
    </message>
    <message>
        <source>Measure on this machine</source>
        <translation>Auf diesem Rechner messen</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
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
        <translation>Lade Architekturen</translation>
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
        <translation>Auswahl fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>most-uncertain ranks by a predictor adapted to the target device: name it under &quot;Measure on this machine&quot; and measure HELP&apos;s reference architectures on it first</source>
        <translation>most-uncertain ordnet nach einem an das Zielgerät angepassten Prädiktor: das Gerät unter »Auf diesem Rechner messen« benennen und zuerst HELPs Referenzarchitekturen darauf messen</translation>
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
        <translation>Das Gerät benennen, unter dem die Latenzen gespeichert werden.</translation>
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
        <translation>%1 Latenzmessungen gespeichert</translation>
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
