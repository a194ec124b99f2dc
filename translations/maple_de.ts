<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/plot_export.cpp" line="31"/>
        <source>cannot save %1: use a .png, .pdf or .svg file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="33"/>
        <source>could not write %1: check the folder exists and is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="37"/>
        <location filename="../widgets/plot_export.cpp" line="41"/>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/plot_export.cpp" line="38"/>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/workbench/main.cpp" line="80"/>
        <source>MAPLE Workbench: predict DNN latency on unseen hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="83"/>
        <source>Open this project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="85"/>
        <source>Start on this view: devices, capture, samples or predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="88"/>
        <source>Render the view offscreen into this PNG and exit (needs --project).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="90"/>
        <source>Window size for --screenshot (default 1280x800).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::ArchitectureModel</name>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="97"/>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="98"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="99"/>
        <source>MFLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="100"/>
        <source>Params (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="101"/>
        <source>Live ops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::CapturePage</name>
    <message>
        <location filename="../widgets/capture_page.cpp" line="64"/>
        <source>perf_event_paranoid = %1%2, counting scope %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="66"/>
        <source> (privileged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="71"/>
        <source>Software events still count: a capture then yields the software-timing descriptor, never passed off as counters. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="75"/>
        <source> Unprivileged counting is off: run &lt;tt&gt;sudo sysctl kernel.perf_event_paranoid=2&lt;/tt&gt; or grant CAP_PERFMON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="84"/>
        <source>Probing what this machine can count...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="90"/>
        <source>The device the capture is stored under; a new name is created from this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="96"/>
        <source>Allow software-only capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="98"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="99"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="100"/>
        <source>End now, keep the series on screen; nothing is stored (a capture is stored once every step ran)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="101"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="104"/>
        <source>Export plot...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="107"/>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="108"/>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="109"/>
        <source>Timed repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="113"/>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="125"/>
        <source>Time since counting started (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="126"/>
        <source>Events per ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="181"/>
        <source>Probe failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="186"/>
        <source>Listing devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="206"/>
        <source>Probing counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="224"/>
        <source>Open or create a project first (File &gt; Open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="229"/>
        <source>Tick at least one available event to count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="244"/>
        <source>Capturing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/capture_page.cpp" line="272"/>
        <source>Capture %1 stored with %n descriptor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="273"/>
        <source> (software events only: no hardware counter could be read)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::DescriptorModel</name>
    <message>
        <location filename="../widgets/capture_models.cpp" line="160"/>
        <source>Descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="161"/>
        <source>Value name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="162"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::DeviceModel</name>
    <message>
        <location filename="../widgets/device_model.cpp" line="69"/>
        <source> GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="81"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="82"/>
        <location filename="../widgets/device_model.cpp" line="102"/>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="83"/>
        <location filename="../widgets/device_model.cpp" line="103"/>
        <source>Hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="84"/>
        <location filename="../widgets/device_model.cpp" line="106"/>
        <source>Cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="85"/>
        <location filename="../widgets/device_model.cpp" line="114"/>
        <source>Caches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="86"/>
        <location filename="../widgets/device_model.cpp" line="111"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="87"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="88"/>
        <location filename="../widgets/device_model.cpp" line="117"/>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="89"/>
        <location filename="../widgets/device_model.cpp" line="118"/>
        <source>Descriptors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="90"/>
        <location filename="../widgets/device_model.cpp" line="119"/>
        <source>Latency samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="104"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="105"/>
        <source>Microarchitecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="107"/>
        <source>SMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="108"/>
        <source>Base clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="109"/>
        <source>Boost clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="110"/>
        <source>Peak FP32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="112"/>
        <source>Memory type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="113"/>
        <source>Memory bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="115"/>
        <source>TDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="116"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="120"/>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="121"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/device_model.cpp" line="122"/>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::DevicesPage</name>
    <message>
        <location filename="../widgets/devices_page.cpp" line="26"/>
        <source>&lt;h3&gt;This machine: %1&lt;/h3&gt;&lt;table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="33"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="34"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="35"/>
        <source>Microarchitecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="36"/>
        <source>Logical CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="37"/>
        <source>Physical cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="38"/>
        <source>L1d / L2 / L3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="40"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="41"/>
        <source>Max clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="42"/>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="44"/>
        <source>GPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="45"/>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="46"/>
        <source>Press &lt;i&gt;Add to project&lt;/i&gt; to store it as a device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="54"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="55"/>
        <source>Detect this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="56"/>
        <source>Add to project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="58"/>
        <source>Merge devices from project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="91"/>
        <source>Add this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="91"/>
        <source>Device name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="96"/>
        <source>Merge devices from project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="97"/>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="111"/>
        <source>Loading devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/devices_page.cpp" line="117"/>
        <source>%n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="132"/>
        <source>Detecting this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="141"/>
        <source>Detected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="149"/>
        <source>Adding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="163"/>
        <source>Merging %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/devices_page.cpp" line="169"/>
        <source>Merged %n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="170"/>
        <source> with %1 latency samples, %2 captures, %3 descriptors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="174"/>
        <source>; skipped (already here): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::EvaluationView</name>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="37"/>
        <location filename="../widgets/evaluation_view.cpp" line="99"/>
        <source>No evaluation shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="41"/>
        <source>Relative error (%), test points; ends hold everything beyond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="42"/>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="45"/>
        <source>Export plots...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="47"/>
        <source>Scatter...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="48"/>
        <source>Histogram...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="50"/>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="64"/>
        <source>Error histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="65"/>
        <source>Per-device metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="66"/>
        <source>Worst predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/evaluation_view.cpp" line="96"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maple::widgets::EventModel</name>
    <message>
        <location filename="../widgets/capture_models.cpp" line="34"/>
        <source>encoded as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="40"/>
        <source>hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="40"/>
        <source>software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="41"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="41"/>
        <source>no (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="65"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="66"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="67"/>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="68"/>
        <source>Why not, and the fix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::EventSummaryModel</name>
    <message>
        <location filename="../widgets/capture_models.cpp" line="123"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="124"/>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="125"/>
        <source>Total (scaled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="126"/>
        <source>Mean rate (/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_models.cpp" line="127"/>
        <source>Multiplex scale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::JobBar</name>
    <message>
        <location filename="../widgets/job_bar.cpp" line="22"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/job_bar.cpp" line="41"/>
        <source> failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/job_bar.cpp" line="42"/>
        <source> cancelled: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::MainWindow</name>
    <message>
        <location filename="../widgets/main_window.cpp" line="28"/>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="38"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="39"/>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="40"/>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="41"/>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="45"/>
        <source>MAPLE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="62"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="63"/>
        <source>&amp;New project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="64"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="67"/>
        <source>&amp;Open project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="68"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="71"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="74"/>
        <source>&amp;Import data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="75"/>
        <source>Folder holding nb201_latency_ms.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="78"/>
        <source>&amp;Export predictor...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="80"/>
        <source>Needs the predictor file format (.maplepred), not in this build yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="82"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="84"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="85"/>
        <source>&amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="85"/>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="85"/>
        <source>&amp;Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="85"/>
        <source>&amp;Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="117"/>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="122"/>
        <source>%1 - MAPLE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="132"/>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="143"/>
        <source>Cannot create project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="151"/>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="151"/>
        <source>Open or create a project first, then import into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="155"/>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="161"/>
        <source>Imported %1 devices, %2 architectures, %3 new latency samples (%4 already there)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::MetricsModel</name>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="43"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="44"/>
        <source>Test points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="45"/>
        <source>MAPE (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="46"/>
        <source>Within +-10 % (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="47"/>
        <source>RMSE (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="48"/>
        <source>Spearman rho</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="49"/>
        <source>Worst error (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::PredictionsPage</name>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="48"/>
        <source>Devices are split into this many groups; each group is predicted by a model trained on the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="50"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="50"/>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="51"/>
        <source>Train and adapt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="52"/>
        <source>Compare two evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="54"/>
        <source>Predict every device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="56"/>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="56"/>
        <source>Descriptor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="57"/>
        <source>Shots:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="57"/>
        <source>Device folds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="57"/>
        <source>Show in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="64"/>
        <source>This build has no predictors (core/predict): only stored evaluations can be shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="73"/>
        <source>Stored evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="115"/>
        <source>Listing evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="122"/>
        <source>#%1 %2 on %3, %4 shots, %5 points (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="131"/>
        <source>No stored evaluations; press Train and adapt to make one</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/predictions_page.cpp" line="132"/>
        <source>%n stored evaluation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="139"/>
        <source>Loading evaluation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="149"/>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="160"/>
        <source>Training %1 and adapting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="166"/>
        <source>%1: %2 predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="170"/>
        <source>This build has no predictors (core/predict).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::SamplesPage</name>
    <message>
        <location filename="../widgets/samples_page.cpp" line="33"/>
        <source>Search: index or part of the architecture string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="36"/>
        <source>any op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="38"/>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="44"/>
        <source> MFLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="50"/>
        <source>FLOPs from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="52"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="72"/>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="74"/>
        <source>Selection (over the rows that pass the filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="76"/>
        <source>Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="77"/>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="78"/>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="82"/>
        <source>device to store the latencies under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="87"/>
        <source>cpu, cuda, or command:PROGRAM ARGS for an external runner speaking JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="91"/>
        <source>Measure selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="92"/>
        <source>Measure on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="94"/>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="95"/>
        <source>Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="96"/>
        <source>Most timed runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/samples_page.cpp" line="119"/>
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="142"/>
        <source>Loading architectures</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/samples_page.cpp" line="149"/>
        <source>%n architecture(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="177"/>
        <source>Selected %1 of %2 candidates with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="180"/>
        <source>Selection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="188"/>
        <source>Select architectures first (tick them, or use a strategy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="192"/>
        <source>Name the device the latencies are stored under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/samples_page.cpp" line="205"/>
        <source>Measuring %n architecture(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="224"/>
        <source>Stored %1 latency samples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::ScatterPlot</name>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="23"/>
        <source>Measured latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="24"/>
        <source>Predicted latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="52"/>
        <source>+-10 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="53"/>
        <source>y = x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="157"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3&lt;br&gt;measured %4 ms, predicted %5 ms&lt;br&gt;error %6 %%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="160"/>
        <source> (#%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="164"/>
        <source>&lt;br&gt;(adaptation sample)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::WorstModel</name>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="89"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="90"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="91"/>
        <source>Measured (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="92"/>
        <source>Predicted (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_models.cpp" line="93"/>
        <source>Error (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
