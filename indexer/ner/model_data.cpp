// Links corpus/models/ner.model into the binary, so that the tagger needs no file at run time.
// GAZETTE_NER_MODEL_FILE is set by indexer/CMakeLists.txt, which also rebuilds this file when
// the model changes.
#ifndef GAZETTE_NER_MODEL_FILE
#error "GAZETTE_NER_MODEL_FILE must name the model file"
#endif

// clang-format off
__asm__(".section .rodata\n"
        ".balign 16\n"
        ".global gazette_ner_model_begin\n"
        "gazette_ner_model_begin:\n"
        ".incbin \"" GAZETTE_NER_MODEL_FILE "\"\n"
        ".global gazette_ner_model_end\n"
        "gazette_ner_model_end:\n"
        ".byte 0\n"
        ".previous\n");
// clang-format on
