<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>maple::widgets::CapturePage</name>
    <message numerus="yes">
        <source>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor(s)</source>
        <translation>
            <numerusform>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor</numerusform>
            <numerusform>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Capture %1 stored with %n descriptor(s)</source>
        <translation>
            <numerusform>Capture %1 stored with %n descriptor</numerusform>
            <numerusform>Capture %1 stored with %n descriptors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maple::widgets::DevicesPage</name>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merged %n device(s)</source>
        <translation>
            <numerusform>Merged %n device</numerusform>
            <numerusform>Merged %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maple::widgets::EvaluationView</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n device(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n device</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n devices</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maple::widgets::PredictionsPage</name>
    <message numerus="yes">
        <source>%n stored evaluation(s)</source>
        <translation>
            <numerusform>%n stored evaluation</numerusform>
            <numerusform>%n stored evaluations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maple::widgets::SamplesPage</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n architecture(s)</source>
        <translation>
            <numerusform>%n architecture</numerusform>
            <numerusform>%n architectures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n architecture(s)</source>
        <translation>
            <numerusform>Measuring %n architecture</numerusform>
            <numerusform>Measuring %n architectures</numerusform>
        </translation>
    </message>
</context>
</TS>
