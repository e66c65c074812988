/**
 * The demo organisation: the seed report's bloc — Đảng ủy Khối cơ quan và
 * doanh nghiệp tỉnh Yên Bái (2021–2023) — its grassroots organisations, the
 * people it names, the documents it cites, and the 2025 reorganisation
 * (two grassroots organisations merged; the bloc split into two; Yên Bái merged into Lào Cai) recorded as history.
 */

export interface DemoUnit {
  key: string;
  name: string;
  shortName?: string;
  code?: string;
  type: string;
  level: string;
  parent: string | null;
  from?: string;
}

export const DEMO_START = '2020-10-01';

export const DEMO_UNITS: DemoUnit[] = [
  {
    key: 'tu-yb',
    name: 'Tỉnh ủy Yên Bái',
    shortName: 'TU',
    code: 'TU-YB',
    type: 'tinh_uy',
    level: 'tinh',
    parent: null,
  },
  { key: 'btg', name: 'Ban Tuyên giáo Tỉnh ủy', shortName: 'BTGTU', type: 'ban_dang', level: 'tinh', parent: 'tu-yb' },
  {
    key: 'duk',
    name: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    shortName: 'ĐUK',
    code: 'DUK-YB',
    type: 'dang_uy_khoi',
    level: 'tren_co_so',
    parent: 'tu-yb',
  },
  {
    key: 'hbm',
    name: 'Đảng bộ Công ty cổ phần Tập đoàn Hòa Bình Minh',
    type: 'dang_bo_co_so',
    level: 'co_so',
    parent: 'duk',
  },
  { key: 'ubkt', name: 'Chi bộ Ủy ban Kiểm tra Tỉnh ủy', type: 'chi_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'cdn', name: 'Đảng bộ Trường Cao đẳng nghề Yên Bái', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'stp', name: 'Đảng bộ Sở Tư pháp', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk' },
  {
    key: 'hls',
    name: 'Đảng bộ Công ty cổ phần Sứ kỹ thuật Hoàng Liên Sơn',
    type: 'dang_bo_co_so',
    level: 'co_so',
    parent: 'duk',
  },
  { key: 'hls-cb4', name: 'Chi bộ 4', type: 'chi_bo', level: 'chi_bo', parent: 'hls' },
  {
    key: 'tb',
    name: 'Đảng bộ Công ty cổ phần Thủy điện Thác Bà',
    type: 'dang_bo_co_so',
    level: 'co_so',
    parent: 'duk',
  },
  { key: 'tnmt', name: 'Đảng bộ Sở Tài nguyên và Môi trường', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'lhpn', name: 'Chi bộ Hội Liên hiệp Phụ nữ tỉnh', type: 'chi_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'cdyb', name: 'Đảng bộ Trường Cao đẳng Yên Bái', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'vptu', name: 'Đảng bộ Văn phòng Tỉnh ủy', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'syt', name: 'Đảng bộ Sở Y tế', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'sgd', name: 'Đảng bộ Sở Giáo dục và Đào tạo', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'nh', name: 'Chi bộ Trường THPT Nguyễn Huệ', type: 'chi_bo_co_so', level: 'co_so', parent: 'duk' },
  {
    key: 'kt',
    name: 'Chi bộ Hợp tác xã Dịch vụ tổng hợp Kiến Thuận',
    type: 'chi_bo_co_so',
    level: 'co_so',
    parent: 'duk',
  },
  { key: 'hh', name: 'Chi bộ Công ty TNHH Chế biến chè Hữu Hảo', type: 'chi_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'dt', name: 'Chi bộ Hợp tác xã 6/12 Đào Thịnh', type: 'chi_bo_co_so', level: 'co_so', parent: 'duk' },
  { key: 'hn', name: 'Chi bộ Công ty cổ phần Hồng Nam', type: 'chi_bo_co_so', level: 'co_so', parent: 'duk' },
  // The bloc's other grassroots organisations (the seed's 324 models and 597 exemplars come from all of them).
  ...(
    [
      ['stc', 'Đảng bộ Sở Tài chính', 'dang_bo_co_so'],
      ['skhdt', 'Đảng bộ Sở Kế hoạch và Đầu tư', 'dang_bo_co_so'],
      ['snv', 'Đảng bộ Sở Nội vụ', 'dang_bo_co_so'],
      ['sct', 'Đảng bộ Sở Công Thương', 'dang_bo_co_so'],
      ['snn', 'Đảng bộ Sở Nông nghiệp và Phát triển nông thôn', 'dang_bo_co_so'],
      ['sxd', 'Đảng bộ Sở Xây dựng', 'dang_bo_co_so'],
      ['sgtvt', 'Đảng bộ Sở Giao thông vận tải', 'dang_bo_co_so'],
      ['svh', 'Đảng bộ Sở Văn hóa, Thể thao và Du lịch', 'dang_bo_co_so'],
      ['sld', 'Đảng bộ Sở Lao động - Thương binh và Xã hội', 'dang_bo_co_so'],
      ['stt', 'Chi bộ Sở Thông tin và Truyền thông', 'chi_bo_co_so'],
      ['ttt', 'Chi bộ Thanh tra tỉnh', 'chi_bo_co_so'],
      ['ct', 'Đảng bộ Cục Thuế tỉnh', 'dang_bo_co_so'],
      ['kb', 'Đảng bộ Kho bạc Nhà nước tỉnh', 'dang_bo_co_so'],
      ['bhxh', 'Đảng bộ Bảo hiểm xã hội tỉnh', 'dang_bo_co_so'],
      ['bvdk', 'Đảng bộ Bệnh viện Đa khoa tỉnh', 'dang_bo_co_so'],
      ['bvsn', 'Đảng bộ Bệnh viện Sản Nhi tỉnh', 'dang_bo_co_so'],
      ['thptc', 'Chi bộ Trường THPT Chuyên Nguyễn Tất Thành', 'chi_bo_co_so'],
      ['dptth', 'Đảng bộ Đài Phát thanh và Truyền hình tỉnh', 'dang_bo_co_so'],
      ['dl', 'Đảng bộ Công ty Điện lực Yên Bái', 'dang_bo_co_so'],
      ['ldld', 'Chi bộ Liên đoàn Lao động tỉnh', 'chi_bo_co_so'],
      ['td', 'Chi bộ Tỉnh đoàn', 'chi_bo_co_so'],
      ['bao', 'Chi bộ Báo Yên Bái', 'chi_bo_co_so'],
      // The banks' party organisations, which passed to the central bloc in 2022 (the seed: "Khối ngân hàng đã chuyển về Trung ương").
      ['agr', 'Đảng bộ Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh Yên Bái', 'dang_bo_co_so'],
      ['vtb', 'Đảng bộ Ngân hàng TMCP Công thương chi nhánh Yên Bái', 'dang_bo_co_so'],
      ['bidv', 'Đảng bộ Ngân hàng TMCP Đầu tư và Phát triển chi nhánh Yên Bái', 'dang_bo_co_so'],
      ['vcb', 'Chi bộ Ngân hàng TMCP Ngoại thương chi nhánh Yên Bái', 'chi_bo_co_so'],
    ] as const
  ).map(([key, name, type]): DemoUnit => ({ key, name, type, level: 'co_so', parent: 'duk' })),
  {
    key: 'tu-lc',
    name: 'Tỉnh ủy Lào Cai',
    shortName: 'TU',
    code: 'TU-LC',
    type: 'tinh_uy',
    level: 'tinh',
    parent: null,
  },
  {
    key: 'duk-lc',
    name: 'Đảng ủy Khối các cơ quan tỉnh Lào Cai',
    type: 'dang_uy_khoi',
    level: 'tren_co_so',
    parent: 'tu-lc',
  },
  { key: 'lc-stc', name: 'Đảng bộ Sở Tài chính tỉnh Lào Cai', type: 'dang_bo_co_so', level: 'co_so', parent: 'duk-lc' },
];

/** The 2025 reorganisation, in date order. */
export const DEMO_REORGANISATION = {
  renameBtg: { unit: 'btg', name: 'Ban Tuyên giáo và Dân vận Tỉnh ủy', date: '2025-03-01' },
  /**
   * The departments merged the same day (Sở Kế hoạch và Đầu tư into Sở Tài chính), and so did their party
   * organisations: the planning department's models and exemplars pass to the finance department's.
   */
  mergeFinance: {
    sources: ['skhdt'],
    target: 'stc',
    date: '2025-03-01',
    note: 'Sáp nhập Đảng bộ Sở Kế hoạch và Đầu tư vào Đảng bộ Sở Tài chính (hợp nhất Sở Kế hoạch và Đầu tư vào Sở Tài chính)',
  },
  splitDuk: {
    unit: 'duk',
    date: '2025-07-01',
    targets: [
      { name: 'Đảng bộ các cơ quan Đảng tỉnh', children: ['ubkt', 'lhpn', 'vptu', 'ldld', 'td', 'bao'] },
      {
        name: 'Đảng bộ Ủy ban nhân dân tỉnh',
        children: [
          'hbm',
          'cdn',
          'stp',
          'hls',
          'tb',
          'tnmt',
          'cdyb',
          'syt',
          'sgd',
          'nh',
          'kt',
          'hh',
          'dt',
          'hn',
          'stc',
          'snv',
          'sct',
          'snn',
          'sxd',
          'sgtvt',
          'svh',
          'sld',
          'stt',
          'ttt',
          'ct',
          'kb',
          'bhxh',
          'bvdk',
          'bvsn',
          'thptc',
          'dptth',
          'dl',
        ],
      },
    ],
  },
  /** The banks' party organisations left the bloc for the central bloc (their models and exemplars transferred the same day). */
  banksLeave: { units: ['agr', 'vtb', 'bidv', 'vcb'], date: '2022-10-01', to: 'Đảng ủy Khối Doanh nghiệp Trung ương' },
  mergeProvinces: {
    sources: ['tu-yb', 'tu-lc'],
    date: '2025-07-01',
    target: { name: 'Tỉnh ủy Lào Cai', code: 'TU-LC-2025' },
  },
};

export interface DemoPerson {
  fullName: string;
  gender: 'male' | 'female' | null;
  position: string;
  unit: string;
}

/** The eleven individual exemplars the report names (11/12 meeting the criteria), and its signer. */
export const DEMO_PEOPLE: DemoPerson[] = [
  {
    fullName: 'Nguyễn Trương Lương',
    gender: 'male',
    position: 'Phó Bí thư Thường trực Đảng ủy Công ty cổ phần Tập đoàn Hòa Bình Minh',
    unit: 'hbm',
  },
  { fullName: 'Trần Thanh Tùng', gender: 'male', position: 'Phó Bí thư Chi bộ Ủy ban Kiểm tra Tỉnh ủy', unit: 'ubkt' },
  { fullName: 'Doãn Thế Công', gender: 'male', position: 'Đảng viên Đảng bộ Trường Cao đẳng nghề', unit: 'cdn' },
  { fullName: 'Tô Thị Thanh Mai', gender: 'female', position: 'Đảng viên Đảng bộ Sở Tư pháp', unit: 'stp' },
  {
    fullName: 'Hoàng Duy Võ',
    gender: 'male',
    position: 'Phó Bí thư Chi bộ 4, Đảng bộ Công ty cổ phần Sứ kỹ thuật Hoàng Liên Sơn',
    unit: 'hls-cb4',
  },
  {
    fullName: 'Quách Quang Tuấn',
    gender: 'male',
    position: 'Đảng viên Đảng bộ Công ty cổ phần Thủy điện Thác Bà',
    unit: 'tb',
  },
  {
    fullName: 'Ngô Trung Hiếu',
    gender: 'male',
    position: 'Đảng viên Đảng bộ Sở Tài nguyên và Môi trường tỉnh',
    unit: 'tnmt',
  },
  {
    fullName: 'Nguyễn Thị Ngọc Bích',
    gender: 'female',
    position: 'Ủy viên Ban Chấp hành Chi bộ Hội Liên hiệp Phụ nữ tỉnh',
    unit: 'lhpn',
  },
  {
    fullName: 'Nguyễn Thùy Linh',
    gender: 'female',
    position: 'Đảng viên Đảng bộ Trường Cao đẳng Yên Bái',
    unit: 'cdyb',
  },
  { fullName: 'Trần Ngọc Luận', gender: 'male', position: 'Đảng viên Đảng bộ Văn phòng Tỉnh ủy', unit: 'vptu' },
  {
    fullName: 'Đỗ Tuấn Lương',
    gender: 'male',
    position: 'Phó Giám đốc Hợp tác xã Dịch vụ tổng hợp Kiến Thuận',
    unit: 'kt',
  },
  {
    fullName: 'Cao Xuân Chiểu',
    gender: 'male',
    position: 'Phó Bí thư Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    unit: 'duk',
  },
];

export interface DemoDocument {
  symbol: string;
  issuedOn: string;
  issuerName: string;
  issuer: string | null;
  owner: string;
  summary: string;
  signer?: string;
}

/** The documents the report cites (its footnotes), with their one consistent date each. */
export const DEMO_DOCUMENTS: DemoDocument[] = [
  {
    symbol: '05-CT/TW',
    issuedOn: '2016-05-15',
    issuerName: 'Bộ Chính trị',
    issuer: null,
    owner: 'tu-yb',
    summary: 'Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  },
  {
    symbol: '01-KL/TW',
    issuedOn: '2021-05-18',
    issuerName: 'Bộ Chính trị',
    issuer: null,
    owner: 'tu-yb',
    summary:
      'Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  },
  {
    symbol: '24-KH/TU',
    issuedOn: '2021-03-17',
    issuerName: 'Tỉnh ủy Yên Bái',
    issuer: 'tu-yb',
    owner: 'tu-yb',
    summary:
      'Về việc xây dựng, nhân rộng các mô hình, điển hình tiên tiến học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021-2025',
  },
  {
    symbol: '46-KH/ĐUK',
    issuedOn: '2021-03-26',
    issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    issuer: 'duk',
    owner: 'duk',
    summary:
      'Về việc tổ chức Lễ tuyên dương các mô hình, điển hình tiên tiến học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2016 - 2021',
  },
  {
    symbol: '250-CV/ĐUK',
    issuedOn: '2021-04-28',
    issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    issuer: 'duk',
    owner: 'duk',
    summary: 'Về việc xin ý kiến tham gia vào mô hình và các đơn vị thực hiện',
  },
  {
    symbol: '271-CV/ĐUK',
    issuedOn: '2021-05-26',
    issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    issuer: 'duk',
    owner: 'duk',
    summary:
      'Về việc giới thiệu, đề xuất mô hình, điển hình tiên tiến học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh giai đoạn 2021-2025',
  },
  {
    symbol: '384-CV/ĐUK',
    issuedOn: '2021-09-09',
    issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    issuer: 'duk',
    owner: 'duk',
    summary:
      'Về việc thực hiện mô hình, điển hình tiên tiến học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, giai đoạn 2021-2023',
  },
  {
    symbol: '577-CV/ĐUK',
    issuedOn: '2022-04-28',
    issuerName: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    issuer: 'duk',
    owner: 'duk',
    summary:
      'Về việc kiểm tra, đánh giá việc triển khai thực hiện các mô hình, điển hình tiên tiến học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, giai đoạn 2021-2023',
  },
  {
    symbol: '112-KH/TU',
    issuedOn: '2023-02-28',
    issuerName: 'Tỉnh ủy Yên Bái',
    issuer: 'tu-yb',
    owner: 'tu-yb',
    summary: 'Về tổ chức các hoạt động kỷ niệm 65 năm Ngày Bác Hồ thăm Yên Bái (25/9/1958 - 25/9/2023)',
  },
  {
    symbol: '1141-CV/BTGTU',
    issuedOn: '2023-03-07',
    issuerName: 'Ban Tuyên giáo Tỉnh ủy',
    issuer: 'btg',
    owner: 'duk',
    summary: 'Về sơ kết 02 năm thực hiện Kế hoạch số 24-KH/TU, ngày 17/3/2021 của Tỉnh ủy Yên Bái',
  },
];

export const DEMO_ACCOUNTS = [
  {
    username: 'admin',
    password: 'quantri2025',
    fullName: 'Quản trị hệ thống',
    role: 'admin' as const,
    unit: 'tu-yb',
    description: 'Quản trị hệ thống (toàn bộ cây đơn vị)',
  },
  {
    username: 'btg.duk',
    password: 'nghiepvu2025',
    fullName: 'Hà Thị Thu Trang',
    role: 'operator' as const,
    unit: 'duk',
    description: 'Cán bộ Ban Tuyên giáo Đảng ủy Khối (quản lý cây Đảng ủy Khối)',
  },
  {
    username: 'nguyenhue',
    password: 'baocao2025',
    fullName: 'Lê Văn Hùng',
    role: 'reporter' as const,
    unit: 'nh',
    description: 'Cán bộ báo cáo Chi bộ Trường THPT Nguyễn Huệ (chỉ đơn vị mình)',
  },
  {
    username: 'lanhdao',
    password: 'xemxet2025',
    fullName: 'Cao Xuân Chiểu',
    role: 'viewer' as const,
    unit: 'duk',
    description: 'Lãnh đạo Đảng ủy Khối (chỉ xem)',
  },
];
