<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>cannot save %1: use a .png, .pdf or .svg file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1: check the folder exists and is writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Open this project file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start on this view: devices, capture, samples or predictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render the view offscreen into this PNG and exit (needs --project).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1280x800).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: first do the view&apos;s main action (detect this machine, a short capture, select samples, train and adapt). A capture or training is stored in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAPLE Workbench: predict DNN latency on unseen hardware.
Documentation: man maple-workbench, /usr/share/doc/maple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A project file (.maple) to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::ArchitectureModel</name>
    <message>
        <source>Ops on live edges: skip = skip_connect, 1x1 = nor_conv_1x1, 3x3 = nor_conv_3x3, pool = avg_pool_3x3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Index</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MFLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Params (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live ops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::CapturePage</name>
    <message>
        <source>perf_event_paranoid = %1%2, counting scope %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (privileged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Software events still count: a capture then yields the software-timing descriptor, never passed off as counters. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Unprivileged counting is off: run &lt;tt&gt;sudo sysctl kernel.perf_event_paranoid=2&lt;/tt&gt; or grant CAP_PERFMON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing what this machine can count...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The device the capture is stored under; a new name is created from this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow software-only capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End now and store the steps counted so far as a partial capture (the step in progress is dropped); Cancel stores nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workload:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timed repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time since counting started (s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events per ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project first (File &gt; Open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one available event to count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Capture %1 stored with %n descriptor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> (software events only: no hardware counter could be read)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::DescriptorModel</name>
    <message>
        <source>Descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::DeviceModel</name>
    <message>
        <source> GB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runtime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microarchitecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak FP32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory bandwidth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TDP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::DevicesPage</name>
    <message>
        <source>&lt;h3&gt;This machine: %1&lt;/h3&gt;&lt;table&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microarchitecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logical CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Physical cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L1d / L2 / L3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press &lt;i&gt;Add to project&lt;/i&gt; to store it as a device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge devices from project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge devices from project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Detecting this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Merged %n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source> with %1 latency samples, %2 captures, %3 descriptors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; skipped (already here): %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::EvaluationView</name>
    <message>
        <source>No evaluation shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relative error (%), test points; ends hold everything beyond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plots...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scatter...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histogram...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error histogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per-device metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
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
        <source>encoded as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hardware</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not, and the fix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::EventSummaryModel</name>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (scaled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean rate (/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multiplex scale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::JobBar</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> failed: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> cancelled: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::MainWindow</name>
    <message>
        <source>MAPLE projects (*.maple);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAPLE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import data...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder holding nb201_latency_ms.csv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export predictor...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - MAPLE Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a project first, then import into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 devices, %2 architectures, %3 new latency samples (%4 already there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export predictor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first; its trained predictors can then be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing predictors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project holds no trained predictor: train one with &apos;maple train --project %1&apos;, or import a .maplepred file with &apos;maple predictors import&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predictor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAPLE predictors (*.maplepred)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::MetricsModel</name>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAPE (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within +-10 % (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RMSE (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spearman rho</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worst error (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::PredictionsPage</name>
    <message>
        <source>Devices are split into this many groups; each group is predicted by a model trained on the others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train and adapt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare two evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predict every device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descriptor:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shots:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device folds:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listing evaluations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stored evaluations; press Train and adapt to make one</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stored evaluation(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2 on %3, %4 shots, %5 points (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading evaluation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training %1 and adapting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 predictions, stored</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::SamplesPage</name>
    <message>
        <source>Search: index or part of the architecture string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MFLOPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FLOPs from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection (over the rows that pass the filter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>device to store the latencies under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cpu, cuda, or command:PROGRAM ARGS for an external runner speaking JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most timed runs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Loading architectures</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n architecture(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Selected %1 of %2 candidates with %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>most-uncertain ranks by a predictor adapted to the target device: name it under &quot;Measure on this machine&quot; and measure HELP&apos;s reference architectures on it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapting %1 to %2 for its uncertainty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select architectures first (tick them, or use a strategy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the device the latencies are stored under.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n architecture(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Stored %1 latency samples</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::ScatterPlot</name>
    <message>
        <source>Measured latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+-10 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>y = x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2%3&lt;br&gt;measured %4 ms, predicted %5 ms&lt;br&gt;error %6 %%7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (#%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;(adaptation sample)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>maple::widgets::WorstModel</name>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Predicted (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error (%)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
