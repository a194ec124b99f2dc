<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>maple::widgets::AdaptPage</name>
    <message numerus="yes">
        <source>the target has %n measured architecture(s)</source>
        <translation><numerusform>the target has %n measured architecture</numerusform><numerusform>the target has %n measured architectures</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>predicted, %n architecture(s)</source>
        <translation><numerusform>predicted, %n architecture</numerusform><numerusform>predicted, %n architectures</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n shot(s) chosen by %1</source>
        <translation><numerusform>Shown: %n shot chosen by %1</numerusform><numerusform>Shown: %n shots chosen by %1</numerusform></translation>
    </message>
</context>
<context>
    <name>maple::widgets::ArchitectureModel</name>
    <message numerus="yes">
        <source>Median of %n sample(s) on the target; every count and predictor uses this one value</source>
        <translation><numerusform>Median of %n sample on the target; every count and predictor uses this one value</numerusform><numerusform>Median of %n samples on the target; every count and predictor uses this one value</numerusform></translation>
    </message>
</context>
<context>
    <name>maple::widgets::CapturePage</name>
    <message numerus="yes">
        <source>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor(s)</source>
        <translation><numerusform>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor</numerusform><numerusform>Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Capture %1 stored with %n descriptor(s)</source>
        <translation><numerusform>Capture %1 stored with %n descriptor</numerusform><numerusform>Capture %1 stored with %n descriptors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n past capture(s) on the target</source>
        <translation><numerusform>%n past capture on the target</numerusform><numerusform>%n past captures on the target</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Capture %1 of %2 (%3), %n step(s) counted</source>
        <translation><numerusform>Capture %1 of %2 (%3), %n step counted</numerusform><numerusform>Capture %1 of %2 (%3), %n steps counted</numerusform></translation>
    </message>
</context>
<context>
    <name>maple::widgets::CrossDevicePage</name>
    <message numerus="yes">
        <source>%n stored evaluation(s)</source>
        <translation><numerusform>%n stored evaluation</numerusform><numerusform>%n stored evaluations</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>#%1 %2: %3 on %4, %n shot(s), %5 points (%6)</source>
        <translation><numerusform>#%1 %2: %3 on %4, %n shot, %5 points (%6)</numerusform><numerusform>#%1 %2: %3 on %4, %n shots, %5 points (%6)</numerusform></translation>
    </message>
</context>
<context>
    <name>maple::widgets::DevicesPage</name>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation><numerusform>%n device</numerusform><numerusform>%n devices</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Merged %n device(s)</source>
        <translation><numerusform>Merged %n device</numerusform><numerusform>Merged %n devices</numerusform></translation>
    </message>
</context>
<context>
    <name>maple::widgets::EvaluationView</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n device(s)</source>
        <translation><numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n device</numerusform><numerusform>&lt;b&gt;%1&lt;/b&gt;: %2 points on %n devices</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1 %&lt;/b&gt; within +-10 % &amp;middot; Spearman %2 &amp;middot; MAPE %3 % &amp;middot; over %n test point(s)</source>
        <translation><numerusform>&lt;b&gt;%1 %&lt;/b&gt; within +-10 % &amp;middot; Spearman %2 &amp;middot; MAPE %3 % &amp;middot; over %n test point</numerusform><numerusform>&lt;b&gt;%1 %&lt;/b&gt; within +-10 % &amp;middot; Spearman %2 &amp;middot; MAPE %3 % &amp;middot; over %n test points</numerusform></translation>
    </message>
</context>
<context>
    <name>maple::widgets::PredictionsPage</name>
    <message numerus="yes">
        <source>%n stored evaluation(s)</source>
        <translation><numerusform>%n stored evaluation</numerusform><numerusform>%n stored evaluations</numerusform></translation>
    </message>
</context>
<context>
    <name>maple::widgets::SamplesPage</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation><numerusform>%n selected</numerusform><numerusform>%n selected</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n architecture(s)</source>
        <translation><numerusform>%n architecture</numerusform><numerusform>%n architectures</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Measuring %n architecture(s)</source>
        <translation><numerusform>Measuring %n architecture</numerusform><numerusform>Measuring %n architectures</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln shown</source>
        <translation><numerusform>%1 of %Ln shown</numerusform><numerusform>%1 of %Ln shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Ticked %n reference architecture(s)</source>
        <translation><numerusform>Ticked %n reference architecture</numerusform><numerusform>Ticked %n reference architectures</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with high spread: </source>
        <translation><numerusform>%n with high spread: </numerusform><numerusform>%n with high spread: </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n measured on the target</source>
        <translation><numerusform>%n measured on the target</numerusform><numerusform>%n measured on the target</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>, %n with high spread</source>
        <translation><numerusform>, %n with high spread</numerusform><numerusform>, %n with high spread</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Sampling %n %1 architecture(s)</source>
        <translation><numerusform>Sampling %n %1 architecture</numerusform><numerusform>Sampling %n %1 architectures</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Added %n sampled architecture(s), marked "sampled": not in the data set; measuring one adds it to the project</source>
        <translation><numerusform>Added %n sampled architecture, marked "sampled": not in the data set; measuring one adds it to the project</numerusform><numerusform>Added %n sampled architectures, marked "sampled": not in the data set; measuring one adds it to the project</numerusform></translation>
    </message>
</context>
</TS>