-- The six Smart City dimensions of the national movement and their elements. Reference data:
-- seeded here, read-only over the API.
CREATE TABLE dimension (
    code            VARCHAR(32)  PRIMARY KEY,
    position        INTEGER      NOT NULL UNIQUE,
    name_id         VARCHAR(100) NOT NULL,
    name_en         VARCHAR(100) NOT NULL,
    description_id  TEXT         NOT NULL,
    description_en  TEXT         NOT NULL,
    CONSTRAINT dimension_code_format CHECK (code ~ '^[A-Z][A-Z_]*$')
);

CREATE TABLE dimension_element (
    dimension_code  VARCHAR(32)  NOT NULL REFERENCES dimension (code),
    code            VARCHAR(48)  NOT NULL,
    position        INTEGER      NOT NULL,
    name_id         VARCHAR(150) NOT NULL,
    name_en         VARCHAR(150) NOT NULL,
    PRIMARY KEY (dimension_code, code),
    UNIQUE (dimension_code, position)
);

INSERT INTO dimension (code, position, name_id, name_en, description_id, description_en) VALUES
('GOVERNANCE', 1, 'Smart Governance', 'Smart Governance',
 'Tata kelola pemerintahan yang efektif, efisien dan komunikatif melalui pelayanan publik, kebijakan publik dan birokrasi yang baik.',
 'Effective, efficient and communicative government through good public services, public policy and bureaucracy.'),
('BRANDING', 2, 'Smart Branding', 'Smart Branding',
 'Inovasi dalam memasarkan daerah untuk meningkatkan daya saing melalui pariwisata, bisnis dan penataan wajah kota.',
 'Marketing the region to raise its competitiveness through tourism, business and the appearance of the city.'),
('ECONOMY', 3, 'Smart Economy', 'Smart Economy',
 'Ekosistem ekonomi daerah yang produktif dan inovatif: industri, kesejahteraan rakyat dan transaksi keuangan.',
 'A productive and innovative regional economy: industry, public welfare and the financial transaction ecosystem.'),
('LIVING', 4, 'Smart Living', 'Smart Living',
 'Lingkungan tempat tinggal yang layak, nyaman dan efisien: kesehatan, transportasi dan lingkungan yang harmonis.',
 'A liveable, comfortable and efficient place to live: health, transport and a harmonious environment.'),
('SOCIETY', 5, 'Smart Society', 'Smart Society',
 'Masyarakat yang humanis dan dinamis: komunitas, ekosistem belajar dan keamanan.',
 'A humane and dynamic society: community, the learning ecosystem and security.'),
('ENVIRONMENT', 6, 'Smart Environment', 'Smart Environment',
 'Tata kelola lingkungan yang berkelanjutan: proteksi lingkungan, pengelolaan sampah dan limbah, serta energi.',
 'Sustainable environmental governance: environmental protection, waste management and energy.');

INSERT INTO dimension_element (dimension_code, code, position, name_id, name_en) VALUES
('GOVERNANCE',  'PUBLIC_SERVICES',          1, 'Pelayanan Publik',               'Public services'),
('GOVERNANCE',  'PUBLIC_POLICY',            2, 'Kebijakan Publik',               'Public policy'),
('GOVERNANCE',  'BUREAUCRATIC_GOVERNANCE',  3, 'Tata Kelola Birokrasi',          'Bureaucratic governance'),
('BRANDING',    'TOURISM',                  1, 'Pariwisata',                     'Tourism'),
('BRANDING',    'BUSINESS',                 2, 'Bisnis',                         'Business'),
('BRANDING',    'CITY_APPEARANCE',          3, 'Wajah Kota',                     'City appearance'),
('ECONOMY',     'INDUSTRY',                 1, 'Industri',                       'Industry'),
('ECONOMY',     'WELFARE',                  2, 'Kesejahteraan Rakyat',           'Public welfare'),
('ECONOMY',     'FINANCIAL_TRANSACTIONS',   3, 'Ekosistem Transaksi Keuangan',   'Financial transaction ecosystem'),
('LIVING',      'HEALTH',                   1, 'Kesehatan',                      'Health'),
('LIVING',      'TRANSPORT',                2, 'Transportasi',                   'Transport'),
('LIVING',      'HARMONIOUS_ENVIRONMENT',   3, 'Lingkungan yang Harmonis',       'Harmonious environment'),
('SOCIETY',     'COMMUNITY',                1, 'Komunitas Masyarakat',           'Community'),
('SOCIETY',     'LEARNING_ECOSYSTEM',       2, 'Ekosistem Belajar',              'Learning ecosystem'),
('SOCIETY',     'SECURITY',                 3, 'Keamanan',                       'Security'),
('ENVIRONMENT', 'ENVIRONMENTAL_PROTECTION', 1, 'Proteksi Lingkungan',            'Environmental protection'),
('ENVIRONMENT', 'WASTE_MANAGEMENT',         2, 'Tata Kelola Sampah dan Limbah',  'Waste management'),
('ENVIRONMENT', 'ENERGY',                   3, 'Tata Kelola Energi',             'Energy');
