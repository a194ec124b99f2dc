<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
        <location filename="../app/workbench/main.cpp" line="85"/>
        <source>MAPLE Workbench: predict DNN latency on unseen hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="88"/>
        <source>Open this project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="90"/>
        <source>Start on this view: devices, capture, samples or predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="93"/>
        <source>Render the view offscreen into this PNG and exit (needs --project).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="95"/>
        <source>Window size for --screenshot (default 1280x800).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/workbench/main.cpp" line="98"/>
        <source>With --screenshot: first do the view&apos;s main action (detect this machine, a short capture, select samples, train and adapt). A capture or training is stored in the project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::ArchitectureModel</name>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="98"/>
        <source>Ops on live edges: skip = skip_connect, 1x1 = nor_conv_1x1, 3x3 = nor_conv_3x3, pool = avg_pool_3x3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="101"/>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="102"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="103"/>
        <source>MFLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="104"/>
        <source>Params (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/architecture_model.cpp" line="105"/>
        <source>Live ops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::CapturePage</name>
    <message>
        <location filename="../widgets/capture_page.cpp" line="56"/>
        <source>perf_event_paranoid = %1%2, counting scope %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="58"/>
        <source> (privileged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="63"/>
        <source>Software events still count: a capture then yields the software-timing descriptor, never passed off as counters. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="67"/>
        <source> Unprivileged counting is off: run &lt;tt&gt;sudo sysctl kernel.perf_event_paranoid=2&lt;/tt&gt; or grant CAP_PERFMON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="76"/>
        <source>Probing what this machine can count...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="82"/>
        <source>The device the capture is stored under; a new name is created from this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="88"/>
        <source>Allow software-only capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="90"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="91"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="92"/>
        <source>End now and store the steps counted so far as a partial capture (the step in progress is dropped); Cancel stores nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="94"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="97"/>
        <source>Export plot...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="100"/>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="101"/>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="102"/>
        <source>Timed repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="106"/>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="118"/>
        <source>Time since counting started (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="119"/>
        <source>Events per ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="174"/>
        <source>Probe failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="179"/>
        <source>Listing devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="199"/>
        <source>Probing counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="217"/>
        <source>Open or create a project first (File &gt; Open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="222"/>
        <source>Tick at least one available event to count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="238"/>
        <source>Capturing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/capture_page.cpp" line="269"/>
        <source>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/capture_page.cpp" line="273"/>
        <source>Capture %1 stored with %n descriptor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/capture_page.cpp" line="274"/>
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
        <location filename="../widgets/devices_page.cpp" line="28"/>
        <source>&lt;h3&gt;This machine: %1&lt;/h3&gt;&lt;table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="35"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="36"/>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="37"/>
        <source>Microarchitecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="38"/>
        <source>Logical CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="39"/>
        <source>Physical cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="40"/>
        <source>L1d / L2 / L3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="42"/>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="43"/>
        <source>Max clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="44"/>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="46"/>
        <source>GPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="47"/>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="48"/>
        <source>Press &lt;i&gt;Add to project&lt;/i&gt; to store it as a device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="56"/>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="57"/>
        <source>Detect this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="58"/>
        <source>Add to project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="60"/>
        <source>Merge devices from project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="89"/>
        <source>Add this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="89"/>
        <source>Device name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="94"/>
        <source>Merge devices from project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="95"/>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/devices_page.cpp" line="109"/>
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
        <location filename="../widgets/evaluation_view.cpp" line="27"/>
        <location filename="../widgets/evaluation_view.cpp" line="90"/>
        <source>No evaluation shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="31"/>
        <source>Relative error (%), test points; ends hold everything beyond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="32"/>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="35"/>
        <source>Export plots...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="37"/>
        <source>Scatter...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="38"/>
        <source>Histogram...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="40"/>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="55"/>
        <source>Error histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="56"/>
        <source>Per-device metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/evaluation_view.cpp" line="57"/>
        <source>Worst predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/evaluation_view.cpp" line="87"/>
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
        <location filename="../widgets/main_window.cpp" line="34"/>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="45"/>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="46"/>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="47"/>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="48"/>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="52"/>
        <source>MAPLE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="69"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="70"/>
        <source>&amp;New project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="71"/>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="74"/>
        <source>&amp;Open project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="75"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="78"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="81"/>
        <source>&amp;Import data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="82"/>
        <source>Folder holding nb201_latency_ms.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="85"/>
        <source>&amp;Export predictor...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="87"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="89"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="90"/>
        <source>&amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="90"/>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="90"/>
        <source>&amp;Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="90"/>
        <source>&amp;Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="122"/>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="127"/>
        <source>%1 - MAPLE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="130"/>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="138"/>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="149"/>
        <source>Cannot create project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="157"/>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="157"/>
        <source>Open or create a project first, then import into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="161"/>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="167"/>
        <source>Imported %1 devices, %2 architectures, %3 new latency samples (%4 already there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="179"/>
        <location filename="../widgets/main_window.cpp" line="189"/>
        <location filename="../widgets/main_window.cpp" line="195"/>
        <location filename="../widgets/main_window.cpp" line="197"/>
        <source>Export predictor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="179"/>
        <source>Open a project first; its trained predictors can then be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="183"/>
        <source>Listing predictors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="189"/>
        <source>This project holds no trained predictor: train one with &apos;maple train --project %1&apos;, or import a .maplepred file with &apos;maple predictors import&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="195"/>
        <source>Predictor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="198"/>
        <source>MAPLE predictors (*.maplepred)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="206"/>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/main_window.cpp" line="209"/>
        <source>Exported %1 to %2</source>
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
        <location filename="../widgets/predictions_page.cpp" line="37"/>
        <source>Devices are split into this many groups; each group is predicted by a model trained on the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="39"/>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="39"/>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="40"/>
        <source>Train and adapt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="41"/>
        <source>Compare two evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="43"/>
        <source>Predict every device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="45"/>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="45"/>
        <source>Descriptor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="46"/>
        <source>Shots:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="46"/>
        <source>Device folds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="46"/>
        <source>Show in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="58"/>
        <source>Stored evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="100"/>
        <source>Listing evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="116"/>
        <source>#%1 %2 on %3, %4 shots, %5 points (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="160"/>
        <source>%1: %2 predictions, stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="105"/>
        <source>No stored evaluations; press Train and adapt to make one</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/predictions_page.cpp" line="106"/>
        <source>%n stored evaluation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="129"/>
        <source>Loading evaluation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="138"/>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/predictions_page.cpp" line="149"/>
        <source>Training %1 and adapting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::SamplesPage</name>
    <message>
        <location filename="../widgets/samples_page.cpp" line="36"/>
        <source>Search: index or part of the architecture string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="39"/>
        <source>any op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="41"/>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="47"/>
        <source> MFLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="53"/>
        <source>FLOPs from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="55"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="70"/>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="72"/>
        <source>Selection (over the rows that pass the filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="74"/>
        <source>Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="75"/>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="76"/>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="80"/>
        <source>device to store the latencies under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="85"/>
        <source>cpu, cuda, or command:PROGRAM ARGS for an external runner speaking JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="89"/>
        <source>Measure selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="90"/>
        <source>Measure on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="92"/>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="93"/>
        <source>Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="94"/>
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
        <location filename="../widgets/samples_page.cpp" line="152"/>
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
        <location filename="../widgets/samples_page.cpp" line="189"/>
        <source>most-uncertain ranks by a predictor adapted to the target device: name it under &quot;Measure on this machine&quot; and measure HELP&apos;s reference architectures on it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="195"/>
        <source>Adapting %1 to %2 for its uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="208"/>
        <source>Select architectures first (tick them, or use a strategy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="212"/>
        <source>Name the device the latencies are stored under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/samples_page.cpp" line="225"/>
        <source>Measuring %n architecture(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/samples_page.cpp" line="244"/>
        <source>Stored %1 latency samples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::ScatterPlot</name>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="56"/>
        <source>Measured latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="57"/>
        <source>Predicted latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="86"/>
        <source>+-10 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="87"/>
        <source>y = x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="179"/>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3&lt;br&gt;measured %4 ms, predicted %5 ms&lt;br&gt;error %6 %%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="182"/>
        <source> (#%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/scatter_plot.cpp" line="186"/>
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
